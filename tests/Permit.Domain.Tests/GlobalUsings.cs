// Namespaces most files of this project use, imported once.
global using Permit.Domain.Common;
global using Permit.Domain.Credentials.Signing;
global using Permit.Domain.Tests.Common;
