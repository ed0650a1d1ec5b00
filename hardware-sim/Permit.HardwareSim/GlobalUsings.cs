// Namespaces most files of this project use, imported once.
global using System.Globalization;
global using Permit.HardwareSim.Apdu;
global using Permit.HardwareSim.Cards;
