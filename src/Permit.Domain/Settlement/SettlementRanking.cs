using Permit.Domain.SchoolAdmission;

namespace Permit.Domain.Settlement;

/// <summary>A round's eligibility floors (资格条件): unbroken permit months, insurance months, and no points freeze.</summary>
public sealed record RoundFloors(int PermitMonths, int InsuranceMonths, bool NoFreeze);

/// <summary>One applicant as the ranking sees them: the stored facts and standing, snapshotted when they entered the round.</summary>
/// <param name="PermitMonths">Full months the applicant's permit has been held unbroken (0 without a live permit).</param>
public sealed record RoundCandidate(Guid ApplicantId, DateTimeOffset AppliedAt, IndexFacts Facts, int PermitMonths, bool Frozen);

/// <summary>How one applicant came out: score, rank among the eligible, settled or not (or ineligible, and why), the tie-break used.</summary>
public sealed record RoundLine(Guid ApplicantId, int ScoreHundredths, int? Rank, string Outcome, string Reason, string? TieBreak);

/// <summary>
/// 积分落户 ranking: the eligible are ranked by their index score, high to low, and settle in that order up to the quota.
/// A pure function of its inputs, so a stored round can be recomputed from its stored inputs at any time and compared.
/// Ties are broken exactly as 积分入学 breaks them (<see cref="AdmissionAllocation"/>): (1) more months of continuous
/// residence, (2) the earlier application, (3) SHA-256 over (round id ‖ applicant id), lowest first.
/// </summary>
public static class SettlementRanking
{
    public static class Outcomes
    {
        public const string Settled = "settled";
        public const string NotSettled = "not-settled";
        public const string Ineligible = "ineligible";
    }

    public static class Reasons
    {
        public const string WithinQuota = "within-quota";
        public const string QuotaFilled = "quota-filled";
        public const string PermitTooShort = "permit-too-short";
        public const string InsuranceTooShort = "insurance-too-short";
        public const string PointsFrozen = "points-frozen";
    }

    public static IReadOnlyList<RoundLine> Rank(Guid roundId, int quota, RoundFloors floors, SettlementIndex index, IEnumerable<RoundCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(floors);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(quota);

        var lines = new List<RoundLine>();
        var eligible = new List<(RoundCandidate Candidate, int Score, string FinalKey)>();
        foreach (var candidate in candidates)
        {
            var score = index.TotalHundredths(candidate.Facts);
            if (Ineligibility(candidate, floors) is { } reason)
                lines.Add(new RoundLine(candidate.ApplicantId, score, null, Outcomes.Ineligible, reason, null));
            else
                eligible.Add((candidate, score, AdmissionAllocation.FinalKey(roundId, candidate.ApplicantId)));
        }

        var ranked = eligible
            .OrderByDescending(e => e.Score)
            .ThenByDescending(e => e.Candidate.Facts.ResidenceMonths)
            .ThenBy(e => e.Candidate.AppliedAt)
            .ThenBy(e => e.FinalKey, StringComparer.Ordinal)
            .ToList();
        for (var i = 0; i < ranked.Count; i++)
        {
            var settled = i < quota;
            var tieBreak = Deeper(i > 0 ? Separating(ranked[i - 1], ranked[i]) : null, i + 1 < ranked.Count ? Separating(ranked[i], ranked[i + 1]) : null);
            lines.Add(new RoundLine(ranked[i].Candidate.ApplicantId, ranked[i].Score, i + 1,
                settled ? Outcomes.Settled : Outcomes.NotSettled, settled ? Reasons.WithinQuota : Reasons.QuotaFilled, tieBreak));
        }

        return [.. lines.OrderBy(l => l.Rank ?? int.MaxValue).ThenBy(l => l.ApplicantId)];
    }

    /// <summary>The first floor the candidate misses; null when eligible.</summary>
    public static string? Ineligibility(RoundCandidate candidate, RoundFloors floors)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(floors);
        if (candidate.PermitMonths < floors.PermitMonths)
            return Reasons.PermitTooShort;
        if (candidate.Facts.InsuranceMonths < floors.InsuranceMonths)
            return Reasons.InsuranceTooShort;
        return floors.NoFreeze && candidate.Frozen ? Reasons.PointsFrozen : null;
    }

    /// <summary>What changed between two rankings of the same round: each applicant whose rank or outcome moved.</summary>
    public static IReadOnlyList<(Guid ApplicantId, RoundLine? Before, RoundLine After)> Changes(IReadOnlyList<RoundLine> before, IReadOnlyList<RoundLine> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.ToDictionary(l => l.ApplicantId);
        return [.. after
            .Where(l => !old.TryGetValue(l.ApplicantId, out var was) || was.Rank != l.Rank || was.Outcome != l.Outcome || was.ScoreHundredths != l.ScoreHundredths)
            .Select(l => (l.ApplicantId, old.GetValueOrDefault(l.ApplicantId), l))];
    }

    private static string? Separating((RoundCandidate Candidate, int Score, string FinalKey) a, (RoundCandidate Candidate, int Score, string FinalKey) b)
    {
        if (a.Score != b.Score)
            return null;
        if (a.Candidate.Facts.ResidenceMonths != b.Candidate.Facts.ResidenceMonths)
            return AdmissionAllocation.TieBreaks.ResidenceMonths;
        return a.Candidate.AppliedAt != b.Candidate.AppliedAt ? AdmissionAllocation.TieBreaks.ApplicationTime : AdmissionAllocation.TieBreaks.FinalKey;
    }

    private static string? Deeper(string? a, string? b) => Depth(a) >= Depth(b) ? a : b;

    private static int Depth(string? tieBreak) => tieBreak switch
    {
        AdmissionAllocation.TieBreaks.ResidenceMonths => 1,
        AdmissionAllocation.TieBreaks.ApplicationTime => 2,
        AdmissionAllocation.TieBreaks.FinalKey => 3,
        _ => 0,
    };
}
