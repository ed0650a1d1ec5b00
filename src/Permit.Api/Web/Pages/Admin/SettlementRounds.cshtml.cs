using Microsoft.AspNetCore.Mvc.RazorPages;
using Permit.Api.Features.Settlement.Rounds;
using Permit.Domain.Common;
using Permit.Domain.Settlement;

namespace Permit.Api.Web.Pages.Admin;

/// <summary>
/// 积分落户 rounds for supervisors: every round with its stage and numbers, and the form that opens the next one through
/// <c>POST /api/settlement/rounds</c>. Counts only, no personal data: nothing to audit here.
/// </summary>
public sealed class SettlementRoundsModel(PermitDbContext db, TimeProvider time) : PageModel
{
    public sealed record Row(SettlementRound Round, int Applicants);

    public DateOnly Today { get; private set; }

    /// <summary>Newest year first.</summary>
    public IReadOnlyList<Row> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = ChinaDate.Today(time);
        var rounds = await db.Set<SettlementRound>().AsNoTracking().ToListAsync(cancellationToken);
        var counts = await db.Set<RoundApplicant>().AsNoTracking().GroupBy(a => a.RoundId)
            .Select(g => new { RoundId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.RoundId, g => g.Count, cancellationToken);
        Rounds = [.. rounds.OrderByDescending(r => r.Year).Select(r => new Row(r, counts.GetValueOrDefault(r.Id)))];
    }

    /// <summary>The stage as a supervisor reads it: the window open or closed is a matter of the date, not only of the status.</summary>
    public static string Stage(SettlementRound round, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(round);
        return round.Status switch
        {
            RoundStatus.Open when today < round.ApplicationOpens => "not-yet-open",
            RoundStatus.Open when today <= round.ApplicationCloses => "taking-applications",
            RoundStatus.Open => "window-closed",
            RoundStatus.Publicity when today <= round.PublicityCloses => "publicity",
            RoundStatus.Publicity => "publicity-over",
            _ => "final",
        };
    }
}
