// Namespaces most files of this project use, imported once.
global using Permit.Documents.Cards;
global using Permit.Documents.Qr;
global using Permit.Documents.Receipts;
global using Permit.Documents.Tests.TestSupport;
global using Permit.Documents.Text;
global using SkiaSharp;
