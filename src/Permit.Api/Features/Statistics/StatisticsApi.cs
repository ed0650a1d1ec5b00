using System.Globalization;
using Permit.Api.Security.Authorization;

namespace Permit.Api.Features.Statistics;

/// <summary>
/// <c>POST /api/admin/statistics/refresh</c> (admins only): a new snapshot now, the statistics page's refresh button.
/// Supervisors read the snapshot through their jurisdiction and cannot take one on demand: the pass counts the whole
/// register and costs a pass over every counted table.
/// </summary>
public static class StatisticsApi
{
    public sealed record StatisticsRefreshed(Guid SnapshotId, DateTimeOffset TakenAt, DateOnly AsOf, int Milliseconds);

    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/admin/statistics/refresh", RefreshAsync).RequireAuthorization(Policies.Admin).WithTags("Statistics")
            .WithName("RefreshStatistics").WithSummary("Takes a new statistics snapshot of the whole register now (the page shows its time).");
        return app;
    }

    private static async Task<Ok<StatisticsRefreshed>> RefreshAsync(
        SupervisorStatistics statistics, PermitDbContext db, IAuditTrail audit, CancellationToken cancellationToken)
    {
        var snapshot = await statistics.RefreshAsync(SupervisorStatistics.AdminTrigger, cancellationToken);
        // Counts only, no personal data: the line says who asked for a pass over the register, and when.
        audit.Record("statistics.refresh", null, string.Create(CultureInfo.InvariantCulture, $"snapshot {snapshot.Id} in {snapshot.Milliseconds} ms"));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new StatisticsRefreshed(snapshot.Id, snapshot.TakenAt, snapshot.AsOf, snapshot.Milliseconds));
    }
}
