// Namespaces most files of this project use, imported once.
global using System.Net.Http.Json;
global using Microsoft.Extensions.DependencyInjection;
global using Permit.Api.Persistence;
