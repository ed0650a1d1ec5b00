using Permit.Domain.SchoolAdmission;

namespace Permit.Api.Features.SchoolAdmission;

/// <summary>
/// One run of the allocation: every applicant's inputs as they stood (the parent's points, freeze, rule-set version and
/// permit standing are snapshotted here) and the outcome. Everything needed to compute the result again is stored, so
/// a run can be recomputed and compared at any later time (<see cref="Recompute"/>).
/// </summary>
public sealed class AllocationRun
{
    private readonly List<AllocationLine> _lines = [];

    private AllocationRun()
    {
        RanBy = null!;
    }

    public Guid Id { get; private set; }

    public Guid RoundId { get; private set; }

    /// <summary>1, 2, 3… per round.</summary>
    public int Sequence { get; private set; }

    /// <summary>The date in China the permits' validity was judged on.</summary>
    public DateOnly RunDate { get; private set; }

    public DateTimeOffset RanAt { get; private set; }

    public string RanBy { get; private set; }

    public IReadOnlyCollection<AllocationLine> Lines => _lines.AsReadOnly();

    public static AllocationRun Perform(AdmissionRound round, int sequence, IReadOnlyList<AllocationLine> inputs, DateOnly runDate, string ranBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(inputs);
        var run = new AllocationRun
        {
            Id = Guid.CreateVersion7(now),
            RoundId = round.Id,
            Sequence = sequence,
            RunDate = runDate,
            RanAt = now,
            RanBy = ranBy,
        };
        var outcomes = Allocate(round, inputs).ToDictionary(o => o.ApplicantId);
        foreach (var line in inputs)
            run._lines.Add(line.With(outcomes[line.ApplicantId]));
        return run;
    }

    /// <summary>The allocation computed again from the stored snapshot; equal to the stored outcomes when the run is reproducible.</summary>
    public IReadOnlyList<AdmissionOutcome> Recompute(AdmissionRound round) => Allocate(round, [.. _lines]);

    public bool IsReproducible(AdmissionRound round)
    {
        var again = Recompute(round).ToDictionary(o => o.ApplicantId);
        return _lines.Count == again.Count && _lines.All(l => again.TryGetValue(l.ApplicantId, out var o)
            && o == new AdmissionOutcome(l.ApplicantId, l.Outcome, l.Reason, l.Rank, l.TieBreak));
    }

    private static IReadOnlyList<AdmissionOutcome> Allocate(AdmissionRound round, IReadOnlyList<AllocationLine> lines) =>
        AdmissionAllocation.Allocate(round.Id, round.SchoolYear, round.Places, round.Conditions, lines.Select(l => l.Candidate));
}

/// <summary>One applicant in a run: the inputs as snapshotted, and the outcome.</summary>
public sealed class AllocationLine
{
    private AllocationLine()
    {
        ParentPermitStatus = Outcome = Reason = null!;
    }

    public Guid ApplicantId { get; private set; }

    public DateOnly ChildBirthDate { get; private set; }

    public int ResidenceMonths { get; private set; }

    public int InsuranceMonths { get; private set; }

    public DateTimeOffset AppliedAt { get; private set; }

    /// <summary>The parent's exact points total in hundredths at the run; null when never assessed.</summary>
    public int? PointsHundredths { get; private set; }

    public bool PointsFrozen { get; private set; }

    /// <summary>The rule set the parent's points were computed under (<c>id@version</c>).</summary>
    public string? RuleSetVersion { get; private set; }

    public string ParentPermitStatus { get; private set; }

    public bool ParentPermitValid { get; private set; }

    public string Outcome { get; private set; }

    public string Reason { get; private set; }

    public int? Rank { get; private set; }

    public string? TieBreak { get; private set; }

    public AdmissionCandidate Candidate =>
        new(ApplicantId, ChildBirthDate, ResidenceMonths, InsuranceMonths, AppliedAt, PointsHundredths, PointsFrozen, ParentPermitValid);

    public static AllocationLine Snapshot(
        AdmissionApplicant applicant, int? pointsHundredths, bool pointsFrozen, string? ruleSetVersion, string parentPermitStatus, bool parentPermitValid)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        return new AllocationLine
        {
            ApplicantId = applicant.Id,
            ChildBirthDate = applicant.ChildBirthDate,
            ResidenceMonths = applicant.ResidenceMonths,
            InsuranceMonths = applicant.InsuranceMonths,
            AppliedAt = applicant.AppliedAt,
            PointsHundredths = pointsHundredths,
            PointsFrozen = pointsFrozen,
            RuleSetVersion = ruleSetVersion,
            ParentPermitStatus = parentPermitStatus,
            ParentPermitValid = parentPermitValid,
            Outcome = string.Empty,
            Reason = string.Empty,
        };
    }

    internal AllocationLine With(AdmissionOutcome outcome)
    {
        var line = (AllocationLine)MemberwiseClone();
        line.Outcome = outcome.Outcome;
        line.Reason = outcome.Reason;
        line.Rank = outcome.Rank;
        line.TieBreak = outcome.TieBreak;
        return line;
    }
}
