using Microsoft.AspNetCore.Mvc;
using Permit.Api.Features.BulkReports;
using Permit.Api.Infrastructure.Http;
using Permit.Api.Security.Authorization;
using Permit.Domain.Regions;

namespace Permit.Api.Features.Communities;

/// <summary>
/// The community directory: officers search it by name (jurisdiction-filtered, for the registration form); admins add,
/// rename and retire communities and import the directory from CSV. Nothing is ever deleted: registrations keep theirs.
/// </summary>
public static class CommunitiesApi
{
    public const long MaxImportBytes = 4L * 1024 * 1024;
    public const int MaxSearchResults = 20;

    public static RouteGroupBuilder MapCommunities(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/communities").WithTags("Communities").RequireAuthorization(Policies.Registrar);
        group.MapGet("/", Search).WithName("SearchCommunities")
            .WithSummary("Finds communities by name (or exact code) in the officer's jurisdiction; retired ones only with includeRetired=true.");
        group.MapPost("/", Add).RequireAuthorization(Policies.Admin).WithBodyLimit(RequestLimits.Json)
            .WithName("AddCommunity").WithSummary("Adds a community to the directory (admins).");
        group.MapPut("/{code}/name", Rename).RequireAuthorization(Policies.Admin).WithBodyLimit(RequestLimits.Json)
            .WithName("RenameCommunity").WithSummary("Renames a community (admins).");
        group.MapPost("/{code}/retirement", Retire).RequireAuthorization(Policies.Admin)
            .WithName("RetireCommunity").WithSummary("Retires a community: no new registration may name it; old ones keep it (admins).");
        group.MapPost("/import", Import).RequireAuthorization(Policies.Admin).WithBodyLimit(MaxImportBytes)
            .Accepts<IFormFile>("text/csv", "application/csv", "text/plain").DisableAntiforgery()
            .WithName("ImportCommunities").WithSummary("Imports (or, with dryRun=true, checks) the directory from a UTF-8 or GB18030 CSV (code, name, township); idempotent.");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<CommunityResponse>>> Search(
        PermitDbContext db, [FromQuery] string? search, [FromQuery] bool? includeRetired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var text = search?.Trim() ?? "";
        var query = db.Communities.AsNoTracking();
        if (includeRetired != true)
            query = query.Where(c => !c.Retired);
        if (CommunityCode.TryParse(text, out var code))
            query = query.Where(c => c.Code == code);
        else if (text.Length > 0)
            query = query.Where(c => c.Name.Contains(text));
        // A district lists a few hundred communities: the jurisdiction (a code prefix) is applied here rather than
        // through the value converter, which has no translatable StartsWith.
        var found = await query.OrderBy(c => c.Code).Take(2000).ToListAsync(cancellationToken);
        IReadOnlyList<CommunityResponse> offered = [.. found.Where(c => db.IsInJurisdiction(c.Code)).Take(MaxSearchResults).Select(CommunityResponse.From)];
        return TypedResults.Ok(offered);
    }

    public static async Task<Results<Created<CommunityResponse>, ValidationProblem, ProblemHttpResult>> Add(
        AddCommunityRequest request, PermitDbContext db, IAuditTrail audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(audit);
        var errors = new FieldErrors();
        var code = errors.Community("code", request.Code);
        if (errors.Any)
            return Problems.Invalid(errors);
        if (await db.Communities.AnyAsync(c => c.Code == code!, cancellationToken))
            return Problems.Problem("community-already-listed", $"{code} is already in the directory; rename it instead.");
        var community = Community.List(code!, request.Name);
        db.Communities.Add(community);
        audit.Record("community.add", null, $"{community.Code} {community.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/communities?search={community.Code}", CommunityResponse.From(community));
    }

    public static async Task<Results<Ok<CommunityResponse>, ProblemHttpResult>> Rename(
        string code, RenameCommunityRequest request, PermitDbContext db, IAuditTrail audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(audit);
        var community = await FindAsync(db, code, cancellationToken);
        if (community is null)
            return Problems.NoSuch("community");
        community.Rename(request.Name);
        audit.Record("community.rename", null, $"{community.Code} {community.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CommunityResponse.From(community));
    }

    public static async Task<Results<Ok<CommunityResponse>, ProblemHttpResult>> Retire(
        string code, PermitDbContext db, IAuditTrail audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var community = await FindAsync(db, code, cancellationToken);
        if (community is null)
            return Problems.NoSuch("community");
        community.Retire();
        audit.Record("community.retire", null, $"{community.Code} {community.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CommunityResponse.From(community));
    }

    public static async Task<Results<Ok<CommunityImportResponse>, ProblemHttpResult>> Import(
        HttpRequest request, PermitDbContext db, IAuditTrail audit, [FromQuery] string? encoding, [FromQuery] bool? dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(audit);
        if (!ReportText.TryParse(encoding, out var choice))
            return Problems.Problem("bulk-report-encoding-invalid", "The encoding is detect, UTF-8 or GB18030.");
        if (request.ContentLength > MaxImportBytes)
            return Problems.PayloadTooLarge(MaxImportBytes);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxImportBytes)
            return Problems.PayloadTooLarge(MaxImportBytes);
        try
        {
            var dry = dryRun ?? false;
            audit.Record(dry ? "community.import-dry-run" : "community.import", null, "community directory import");
            var result = await CommunityImport.ImportAsync(db, buffer.ToArray(), choice, dry, cancellationToken);
            return TypedResults.Ok(result);
        }
        catch (CsvFormatException e)
        {
            var problem = Problems.Details(e.Code, "The file cannot be read as a community directory; nothing was imported.");
            problem.Detail = e.Message;
            return TypedResults.Problem(problem);
        }
    }

    private static async Task<Community?> FindAsync(PermitDbContext db, string code, CancellationToken cancellationToken) =>
        CommunityCode.TryParse(code, out var parsed)
            ? await db.Communities.SingleOrDefaultAsync(c => c.Code == parsed, cancellationToken)
            : null;
}
