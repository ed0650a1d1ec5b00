using System.Security.Cryptography;

namespace Permit.Domain.SchoolAdmission;

/// <summary>One applicant as the allocation sees it: the officer's entry plus the parent's points and permit, snapshotted at the run.</summary>
/// <param name="AppliedAt">When the officer entered the application (earlier applies first on a tie).</param>
/// <param name="PointsHundredths">The parent's exact points total in hundredths; null when never assessed (counts as 0).</param>
/// <param name="ParentPermitValid">The parent's permit is active and unexpired on the run date.</param>
public sealed record AdmissionCandidate(
    Guid ApplicantId,
    DateOnly ChildBirthDate,
    int ResidenceMonths,
    int InsuranceMonths,
    DateTimeOffset AppliedAt,
    int? PointsHundredths,
    bool PointsFrozen,
    bool ParentPermitValid);

/// <summary>How one applicant came out, and why.</summary>
/// <param name="Rank">1, 2, 3… among the eligible, in allocation order; null when ineligible.</param>
/// <param name="TieBreak">When the parent's points equal a neighbour's, the criterion that ordered them
/// (<see cref="AdmissionAllocation.TieBreaks"/>); null when the points alone decided.</param>
public sealed record AdmissionOutcome(Guid ApplicantId, string Outcome, string Reason, int? Rank, string? TieBreak);

/// <summary>
/// 积分入学: the eligible applicants are ranked by their parent's points, high to low, and admitted in that order until
/// the places are gone. A pure function of its inputs: the same round, places, conditions and candidate snapshot give the
/// same outcomes in any input order, so a stored run can always be recomputed and compared.
/// </summary>
/// <remarks>
/// Ties on points are broken, in order, by: (1) more months of residence in the district — the policy's own measure of
/// being settled, so it is the fairest second criterion; (2) the earlier application — rewards no one unduly and is on
/// the record; (3) a final key, SHA-256 over the round id and the applicant id. The final key is needed because entries
/// made in the same instant (a bulk entry) tie on everything else; it must not be the database's row order (not
/// reproducible) nor anything an applicant or officer can choose (a name, a number), and hashing with the round id makes
/// it unpredictable until the round exists while staying fixed for every re-run.
/// </remarks>
public static class AdmissionAllocation
{
    public static class Outcomes
    {
        public const string Admitted = "admitted";
        public const string NotAdmitted = "not-admitted";
        public const string Ineligible = "ineligible";
    }

    /// <summary>Reason codes of <see cref="AdmissionOutcome.Reason"/>.</summary>
    public static class Reasons
    {
        public const string WithinPlaces = "within-places";
        public const string PlacesFilled = "places-filled";
        public const string PermitNotValid = "parent-permit-not-valid";
        public const string PointsFrozen = "points-frozen";
        public const string PointsBelowMinimum = "points-below-minimum";
        public const string ResidenceTooShort = "residence-too-short";
        public const string InsuranceTooShort = "insurance-too-short";
        public const string AgeOutsideWindow = "age-outside-window";
    }

    public static class TieBreaks
    {
        public const string ResidenceMonths = "residence-months";
        public const string ApplicationTime = "application-time";
        public const string FinalKey = "final-key";
    }

    public static IReadOnlyList<AdmissionOutcome> Allocate(
        Guid roundId, int schoolYear, int places, AdmissionConditions conditions, IEnumerable<AdmissionCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(places);

        var outcomes = new List<AdmissionOutcome>();
        var eligible = new List<(AdmissionCandidate Candidate, string FinalKey)>();
        foreach (var candidate in candidates)
        {
            if (Ineligibility(candidate, conditions, schoolYear) is { } reason)
                outcomes.Add(new AdmissionOutcome(candidate.ApplicantId, Outcomes.Ineligible, reason, null, null));
            else
                eligible.Add((candidate, FinalKey(roundId, candidate.ApplicantId)));
        }

        var ranked = eligible
            .OrderByDescending(e => e.Candidate.PointsHundredths ?? 0)
            .ThenByDescending(e => e.Candidate.ResidenceMonths)
            .ThenBy(e => e.Candidate.AppliedAt)
            .ThenBy(e => e.FinalKey, StringComparer.Ordinal)
            .ToList();
        for (var i = 0; i < ranked.Count; i++)
        {
            var admitted = i < places;
            var tieBreak = Later(
                i > 0 ? Separating(ranked[i - 1], ranked[i]) : null,
                i + 1 < ranked.Count ? Separating(ranked[i], ranked[i + 1]) : null);
            outcomes.Add(new AdmissionOutcome(
                ranked[i].Candidate.ApplicantId,
                admitted ? Outcomes.Admitted : Outcomes.NotAdmitted,
                admitted ? Reasons.WithinPlaces : Reasons.PlacesFilled,
                i + 1,
                tieBreak));
        }

        // Ranked first, then the ineligible in a fixed order: the answer never depends on the input order.
        return [.. outcomes.OrderBy(o => o.Rank ?? int.MaxValue).ThenBy(o => o.ApplicantId)];
    }

    /// <summary>The first condition the applicant fails, from the most to the least fundamental; null when eligible.</summary>
    public static string? Ineligibility(AdmissionCandidate candidate, AdmissionConditions conditions, int schoolYear)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(conditions);
        var age = AdmissionConditions.AgeOnCutOff(candidate.ChildBirthDate, schoolYear);
        if (!candidate.ParentPermitValid)
            return Reasons.PermitNotValid;
        if (candidate.PointsFrozen)
            return Reasons.PointsFrozen;
        if (conditions.MinimumPoints is { } floor && (candidate.PointsHundredths ?? 0) < floor * 100)
            return Reasons.PointsBelowMinimum;
        if (candidate.ResidenceMonths < conditions.ResidenceMonths)
            return Reasons.ResidenceTooShort;
        if (candidate.InsuranceMonths < conditions.InsuranceMonths)
            return Reasons.InsuranceTooShort;
        return age < conditions.MinimumAge || age > conditions.MaximumAge ? Reasons.AgeOutsideWindow : null;
    }

    /// <summary>The tie-break criterion that ordered two neighbours with equal points; null when their points differ.</summary>
    private static string? Separating((AdmissionCandidate Candidate, string FinalKey) a, (AdmissionCandidate Candidate, string FinalKey) b)
    {
        if ((a.Candidate.PointsHundredths ?? 0) != (b.Candidate.PointsHundredths ?? 0))
            return null;
        if (a.Candidate.ResidenceMonths != b.Candidate.ResidenceMonths)
            return TieBreaks.ResidenceMonths;
        return a.Candidate.AppliedAt != b.Candidate.AppliedAt ? TieBreaks.ApplicationTime : TieBreaks.FinalKey;
    }

    // Of the two neighbours' tie-breaks, the deeper one is what this applicant's place finally rested on.
    private static string? Later(string? a, string? b) => Depth(a) >= Depth(b) ? a : b;

    private static int Depth(string? tieBreak) => tieBreak switch
    {
        TieBreaks.ResidenceMonths => 1,
        TieBreaks.ApplicationTime => 2,
        TieBreaks.FinalKey => 3,
        _ => 0,
    };

    /// <summary>SHA-256 (hex) over the round id and the applicant id: the last, fixed and unchoosable tie-break.</summary>
    public static string FinalKey(Guid roundId, Guid applicantId)
    {
        Span<byte> input = stackalloc byte[32];
        roundId.TryWriteBytes(input[..16], bigEndian: true, out _);
        applicantId.TryWriteBytes(input[16..], bigEndian: true, out _);
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }
}
