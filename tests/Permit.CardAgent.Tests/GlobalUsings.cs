// Namespaces most files of this project use, imported once.
global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using Permit.CardAgent.Cards;
global using Permit.CardAgent.Cli;
global using Permit.CardAgent.Configuration;
global using Permit.CardAgent.Failures;
global using Permit.CardAgent.Server;
global using Permit.CardAgent.Tests.Personalization;
global using Permit.CardAgent.Tests.Support;
global using Permit.HardwareSim.PermitCards;
global using Permit.HardwareSim.Transport;
global using Permit.TestRig;
