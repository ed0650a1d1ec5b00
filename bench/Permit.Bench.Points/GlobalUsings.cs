// Namespaces most files of this project use, imported once.
global using System.Data.Common;
global using System.Diagnostics;
global using System.Globalization;
global using Microsoft.EntityFrameworkCore;
global using Permit.Api.Persistence;
global using Permit.Api.Security.Accounts;
global using Permit.Api.Security.Fields;
global using Permit.Domain.Permits;
