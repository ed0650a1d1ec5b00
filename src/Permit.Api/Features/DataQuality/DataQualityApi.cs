using Microsoft.Extensions.Options;
using Permit.Api.Features.Permits;
using Permit.Api.Infrastructure.Http;
using Permit.Api.Security.Authorization;
using Permit.Domain.Regions;

namespace Permit.Api.Features.DataQuality;

/// <summary><c>/api/data-quality</c>: counts per check and the records behind each, in the supervisor's jurisdiction.</summary>
public static class DataQualityApi
{
    public const int MaxTake = 500;

    public static IEndpointRouteBuilder MapDataQuality(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/data-quality").RequireAuthorization(Policies.Supervisor).WithTags("DataQuality");
        group.MapGet("/", CountsAsync).WithName("DataQualityCounts").WithSummary("How many records fail each data-quality check.");
        group.MapGet("/{check}", RecordsAsync).WithName("DataQualityRecords").WithSummary("The records failing one check (drill-down).");
        return app;
    }

    public static async Task<Ok<List<QualityCount>>> CountsAsync(PermitDbContext db, IOptions<PermitOptions> options, CancellationToken ct) =>
        TypedResults.Ok(await Checks(db, options).CountAsync(ct));

    public static async Task<Results<Ok<QualityRecords>, ValidationProblem, ProblemHttpResult>> RecordsAsync(
        string check, int? take, PermitDbContext db, IOptions<PermitOptions> options, HttpContext http, CancellationToken ct)
    {
        if (take is < 1 or > MaxTake)
            return Problems.Invalid("take", $"take is 1 to {MaxTake}.");
        var records = await Checks(db, options).RecordsAsync(check, take ?? 100, ct);
        if (records is null)
            return Problems.NoSuch("data-quality check");
        foreach (var id in records.Records.Select(r => r.ResidentId).Distinct())
            http.Audit("resident.read", id, $"data-quality check {check}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(records);
    }

    private static DataQualityChecks Checks(PermitDbContext db, IOptions<PermitOptions> options) =>
        new(db, Jurisdiction.Parse(options.Value.IssuingRegion));
}
