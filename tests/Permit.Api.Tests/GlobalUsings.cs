// Namespaces most files of this project use, imported once.
global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.DependencyInjection;
global using Permit.Api.Audit;
global using Permit.Api.Persistence;
global using Permit.Api.Security.Accounts;
global using Permit.Api.Tests.Features.Permits;
