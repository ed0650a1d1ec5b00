// Namespaces most files of this project use, imported once.
global using Permit.HardwareSim.PermitCards;
global using Permit.HardwareSim.Tests.Support;
