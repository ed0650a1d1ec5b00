// Namespaces most files of this project use, imported once.
global using System.Globalization;
global using System.Text;
