// Namespaces most files of this project use, imported once.
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
global using Permit.Api.Audit;
global using Permit.Api.Infrastructure.Problems;
global using Permit.Api.Persistence;
