using Permit.Domain.Common;
using System.Security.Claims;
using Permit.Api.Features.Residents;
using Permit.Api.Security.Authorization;
using Permit.Domain.Settlement;

namespace Permit.Api.Features.Settlement.Rounds;

/// <summary>
/// The public side of a round: the publicity list (公示) anyone may read, with only a masked name and ID number, score,
/// rank and outcome per line; and the holder's own score and rank in self-service.
/// </summary>
public static class RoundPublicity
{
    /// <summary>The masked name: the family name (first character) and one ＊ per further character, e.g. 张＊＊ for 张小明.</summary>
    public static string MaskName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var runes = name.Trim().EnumerateRunes().ToList();
        return runes.Count == 0 ? "" : runes[0] + new string('＊', Math.Max(1, runes.Count - 1));
    }

    /// <summary>The list as published: only a round in publicity or final shows one (an open round is not ranked yet).</summary>
    public static async Task<Results<Ok<PublicityResponse>, ProblemHttpResult>> GetAsync(Guid id, PermitDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var view = await ListAsync(db, id, ct);
        return view is null ? Problems.NoSuch("published settlement round") : TypedResults.Ok(view);
    }

    public static async Task<PublicityResponse?> ListAsync(PermitDbContext db, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var round = await db.Set<SettlementRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.Status != RoundStatus.Open, ct);
        if (round is null)
            return null;
        var run = await SettlementRounds.LatestRunAsync(db, id, ct);
        var lines = run?.Result() ?? [];
        var ids = lines.Select(l => l.ApplicantId).ToList();
        // Unscoped on purpose: the publicity list is public; only masked fields leave this method.
        var people = await db.Set<RoundApplicant>().AsNoTracking().Where(a => ids.Contains(a.Id))
            .Join(db.Residents.AsNoTracking(), a => a.ResidentId, r => r.Id, (a, r) => new { a.Id, r.Name, r.CitizenId })
            .ToListAsync(ct);
        var byId = people.ToDictionary(p => p.Id);
        return new PublicityResponse(round.Year, round.Quota, round.Status.ToString().ToLowerInvariant(), round.PublicityOpens, round.PublicityCloses,
            [.. lines.Where(l => byId.ContainsKey(l.ApplicantId)).Select(l => new PublicityLine(l.Rank, MaskName(byId[l.ApplicantId].Name),
                byId[l.ApplicantId].CitizenId.Masked, l.ScoreHundredths / 100m, l.Outcome))]);
    }

    /// <summary>The holder's own settlement score (each indicator explained) and, when in a published round, the current rank.</summary>
    public static async Task<Results<Ok<OwnSettlementResponse>, ProblemHttpResult>> OwnAsync(
        ClaimsPrincipal user, PermitDbContext db, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!Guid.TryParse(user.FindFirstValue(PermitClaims.ResidentId), out var residentId))
            return Problems.NoSuch("resident");
        var today = ChinaDate.Today(time);
        var index = SettlementIndexes.Zhenhai2026;
        var standing = await IndexStanding.OfAsync(db, residentId, today, ct);
        var scores = index.Score(standing.Facts);
        int? year = null, rank = null;
        string? outcome = null;
        var mine = await db.Set<RoundApplicant>().AsNoTracking().Where(a => a.ResidentId == residentId)
            .Join(db.Set<SettlementRound>().Where(r => r.Status != RoundStatus.Open), a => a.RoundId, r => r.Id, (a, r) => new { a.Id, a.RoundId, r.Year })
            .OrderByDescending(x => x.Year).FirstOrDefaultAsync(ct);
        if (mine is not null)
        {
            var line = (await SettlementRounds.LatestRunAsync(db, mine.RoundId, ct))?.Result().FirstOrDefault(l => l.ApplicantId == mine.Id);
            (year, rank, outcome) = (mine.Year, line?.Rank, line?.Outcome);
        }
        audit.Record("settlement.score.read", residentId, "self-service");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new OwnSettlementResponse(index.Label, scores.Sum(s => s.PointsHundredths) / 100m,
            [.. scores.Select(s => new OwnIndicatorResponse(s.Code, s.Name, s.Fact, s.PointsHundredths / 100m, s.Explanation))], year, rank, outcome));
    }
}
