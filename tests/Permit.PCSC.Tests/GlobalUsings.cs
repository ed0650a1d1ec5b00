// Namespaces most files of this project use, imported once.
global using System.Collections.Concurrent;
global using Permit.TestRig;
