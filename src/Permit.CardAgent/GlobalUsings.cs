// Namespaces most files of this project use, imported once.
global using Permit.CardAgent.Failures;
