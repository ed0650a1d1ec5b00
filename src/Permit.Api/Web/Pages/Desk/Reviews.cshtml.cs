using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Permit.Api.Features.Points;
using Permit.Api.Web.Paging;
using Permit.Domain.Common;

namespace Permit.Api.Web.Pages.Desk;

/// <summary>
/// The re-review queue (积分复核): what holders asked to be looked at again, pending first, each answered here by
/// correcting the ledger (a fact added) or by a reasoned rejection. The holder reads the answer in self-service. Paged
/// in the database.
/// </summary>
public sealed class ReviewsModel(PermitDbContext db, IAuditTrail audit, TimeProvider time) : PageModel
{
    public sealed record Row(Guid Id, Guid ResidentId, string Name, string? Indicator, string Reason, string Status, DateOnly FiledOn, string? Resolution);

    public IReadOnlyList<Row> Reviews { get; private set; } = [];

    public ListPage Window { get; private set; } = ListPage.Of(1, PointsReviewsApi.PageSize, 0);

    /// <summary>Indicator codes and names of the rule set in force, for the correction form.</summary>
    public IReadOnlyList<(string Code, string Name)> Indicators { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] int? page, CancellationToken cancellationToken)
    {
        var today = ChinaDate.Today(time);
        var reviews = db.PointsReviews.AsNoTracking();
        Window = ListPage.Of(page, PointsReviewsApi.PageSize, await reviews.CountAsync(cancellationToken));
        // Pending first, then by filing time; the id makes the order total, so pages neither repeat nor skip a row.
        var rows = await reviews
            .OrderBy(v => v.Status == PointsReviewStatus.Pending ? 0 : 1).ThenBy(v => v.FiledAt).ThenBy(v => v.Id)
            .Skip(Window.Skip).Take(Window.Size)
            .Join(db.Residents.AsNoTracking(), v => v.ResidentId, r => r.Id, (v, r) => new { v, r.Name })
            .ToListAsync(cancellationToken);
        Reviews = [.. rows
            .Select(x => new Row(x.v.Id, x.v.ResidentId, x.Name, x.v.Indicator, x.v.Reason, x.v.Status.ToString().ToLowerInvariant(),
                ChinaDate.Of(x.v.FiledAt), x.v.Resolution))];
        var ruleSet = await RuleSetCatalogue.InForceAsync(db, today, cancellationToken);
        Indicators = [.. ruleSet.Indicators.Select(i => (i.Code, i.Name))];
        // The names and reasons in the queue are personal data shown to the officer.
        foreach (var r in Reviews)
            audit.Record("points.review.read", r.ResidentId, "re-review queue page");
        await db.SaveChangesAsync(cancellationToken);
    }
}
