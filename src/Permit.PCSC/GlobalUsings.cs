// Namespaces most files of this project use, imported once.
global using System.Runtime.InteropServices;
global using Permit.PCSC.Interop;
