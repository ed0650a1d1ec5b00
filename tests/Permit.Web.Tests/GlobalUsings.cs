// Namespaces most files of this project use, imported once.
global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Playwright;
global using Permit.Api.Security.Accounts;
global using Permit.Domain.Entitlements;
global using Permit.HardwareSim.PermitCards;
global using Permit.TestRig;
global using Permit.Web.Tests.Support;
