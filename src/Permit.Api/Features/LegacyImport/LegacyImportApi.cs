using Permit.Api.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Permit.Api.Features.BulkReports;
using Permit.Api.Features.Residents;
using Permit.Api.Security.Authorization;

namespace Permit.Api.Features.LegacyImport;

/// <summary>
/// The admin page's legacy import: one file per request (residents, then registrations, then the rest), as a dry run or for real.
/// Large imports run from the command line (<c>import legacy</c>), which resumes after a crash and writes a rejects file.
/// </summary>
public static class LegacyImportApi
{
    public const long MaxBytes = 64L * 1024 * 1024;
    public const int MaxRejectsShown = 1000;

    public static RouteGroupBuilder MapLegacyImport(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/legacy-import").WithTags("Legacy import").RequireAuthorization(Policies.Admin);
        group.MapPost("/", Import)
            .WithBodyLimit(MaxBytes)
            .Accepts<IFormFile>("text/csv", "application/csv", "text/plain", ResultSpreadsheet.MediaType)
            .DisableAntiforgery()
            .WithName("ImportLegacyFile")
            .WithSummary("Imports (or, with dryRun=true, checks) one legacy file: residents, registrations, permits, social insurance or points facts (docs/legacy-import.md).");
        return group;
    }

    public static async Task<Results<Ok<LegacyImportResponse>, ProblemHttpResult>> Import(
        HttpRequest request, PermitDbContext db, TimeProvider time, [FromQuery] bool? dryRun, [FromQuery] string? name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
            return Problems.PayloadTooLarge(MaxBytes);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                return Problems.PayloadTooLarge(MaxBytes);
            buffer.Write(chunk, 0, read);
        }
        var rejects = new List<LegacyReject>();
        var options = new LegacyImportOptions { DryRun = dryRun ?? false, Rejected = r => { if (rejects.Count < MaxRejectsShown) rejects.Add(r); } };
        try
        {
            // Required, never optional: an import of residents' personal data is never unrecorded.
            var audit = request.HttpContext.RequestServices.GetRequiredService<Audit.IAuditTrail>();
            var result = await new LegacyImporter(db, time, audit).ImportAsync(name ?? "upload", buffer.ToArray(), options, cancellationToken);
            audit.Record(options.DryRun ? "legacy-import.dry-run" : "legacy-import.file", null, $"{result.Kind}: {result.Written} written, {result.Rejected} rejected");
            if (!options.DryRun)
            {
                await db.SaveChangesAsync(cancellationToken);
                if (LegacyLayouts.MovesPoints(result.Kind))
                    await LegacyPointsBackfill.RunAsync(db, audit, time, null, cancellationToken);
            }
            return TypedResults.Ok(new LegacyImportResponse(result, rejects));
        }
        catch (CsvFormatException e)
        {
            var problem = new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Type = Problems.TypeOf(e.Code),
                Title = "The file cannot be read as a legacy layout; nothing was imported.",
                Detail = e.Message,
            };
            problem.Extensions["rule"] = e.Code;
            return TypedResults.Problem(problem);
        }
    }
}

/// <summary>The file's outcome and its first rejected rows.</summary>
public sealed record LegacyImportResponse(LegacyFileResult Result, IReadOnlyList<LegacyReject> Rejects);
