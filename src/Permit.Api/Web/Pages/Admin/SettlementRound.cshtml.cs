using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Permit.Api.Features.Settlement.Rounds;
using Permit.Domain.Common;
using Permit.Domain.Settlement;

namespace Permit.Api.Web.Pages.Admin;

/// <summary>
/// One 积分落户 round for supervisors: close the window, publish the ranking, record and decide objections, see what each
/// re-run changed, make the list final. The page shows the state; each action goes to the API (the page script posts
/// the forms), then the page reloads. The ranking names applicants, so opening it is an audited read.
/// </summary>
public sealed class SettlementRoundModel(PermitDbContext db, IAuditTrail audit, TimeProvider time) : PageModel
{
    /// <summary>An objection as listed: who it is for, what it claims, and where it stands.</summary>
    public sealed record ObjectionRow(RoundObjection Objection, string Name);

    /// <summary>One stored ranking and what it changed against the one before (nothing for the first).</summary>
    public sealed record RunRow(RoundRun Run, IReadOnlyList<RankChange> Changes);

    public DateOnly Today { get; private set; }

    public string Stage { get; private set; } = "";

    public RoundResponse? Round { get; private set; }

    public IReadOnlyList<ObjectionRow> Objections { get; private set; } = [];

    /// <summary>Newest first.</summary>
    public IReadOnlyList<RunRow> Runs { get; private set; } = [];

    public static IReadOnlyList<string> Sources => IndexSources.All;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var round = await db.Set<SettlementRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null)
            return NotFound();
        Today = ChinaDate.Today(time);
        Stage = SettlementRoundsModel.Stage(round, Today);
        Round = await SettlementRounds.ResponseAsync(db, User, round, cancellationToken);

        var names = Round.Lines.ToDictionary(l => l.ApplicantId, l => l.Name);
        var objections = await db.Set<RoundObjection>().AsNoTracking().Where(o => o.RoundId == id).ToListAsync(cancellationToken);
        // An objection about an applicant outside the officer's jurisdiction is not listed: the officer cannot see who it is.
        Objections = [.. objections.Where(o => names.ContainsKey(o.ApplicantId)).OrderBy(o => o.FiledAt).Select(o => new ObjectionRow(o, names[o.ApplicantId]))];

        var runs = await db.Set<RoundRun>().AsNoTracking().Where(r => r.RoundId == id).ToListAsync(cancellationToken);
        var ordered = runs.OrderBy(r => r.Sequence).ToList();
        var rows = new List<RunRow>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var changes = i == 0 ? [] : await SettlementRounds.ChangesAsync(db, User, ordered[i - 1].Result(), ordered[i].Result(), cancellationToken);
            rows.Add(new RunRow(ordered[i], changes));
        }
        rows.Reverse();
        Runs = rows;

        audit.Record("settlement.round.read", null, $"round {round.Year}: supervisor's round page");
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    /// <summary>Points as people write them: 60, 72.5.</summary>
    public static string Number(decimal points) => points.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
