using Permit.Domain.Settlement;

namespace Permit.Api.Features.Settlement.Rounds;

/// <summary>
/// A resident in a points-based round, with the index facts and standing the register showed when they entered it.
/// The snapshot never changes: an upheld objection corrects a fact in later rankings without touching it, so every
/// ranking of the round can be recomputed from these rows and the objections. The family members named to settle with
/// the applicant (checked by <see cref="SettlingMember.CheckAll"/> on entry) are part of the snapshot: they settle
/// when the applicant does, and not otherwise.
/// </summary>
public sealed class RoundApplicant
{
    private readonly List<SettlingMember> _members = [];

    private RoundApplicant() { }

    internal RoundApplicant(
        Guid roundId, Guid residentId, DateTimeOffset appliedAt, IndexFacts facts, int permitMonths, bool frozen, string enteredBy,
        IEnumerable<SettlingMember> members)
    {
        Id = Guid.CreateVersion7();
        RoundId = roundId;
        ResidentId = residentId;
        AppliedAt = appliedAt;
        EducationLevel = facts.EducationLevel;
        SkillLevel = facts.SkillLevel;
        ResidenceMonths = facts.ResidenceMonths;
        WorkMonths = facts.WorkMonths;
        InsuranceMonths = facts.InsuranceMonths;
        ContributionHundredths = facts.ContributionHundredths;
        PermitMonths = permitMonths;
        Frozen = frozen;
        EnteredBy = enteredBy;
        _members.AddRange(members);
    }

    public Guid Id { get; private set; }

    public Guid RoundId { get; private set; }

    public Guid ResidentId { get; private set; }

    public DateTimeOffset AppliedAt { get; private set; }

    public string? EducationLevel { get; private set; }

    public string? SkillLevel { get; private set; }

    public int ResidenceMonths { get; private set; }

    public int WorkMonths { get; private set; }

    public int InsuranceMonths { get; private set; }

    public int ContributionHundredths { get; private set; }

    public int PermitMonths { get; private set; }

    public bool Frozen { get; private set; }

    public string EnteredBy { get; private set; } = "";

    public IReadOnlyCollection<SettlingMember> Members => _members.AsReadOnly();

    public IndexFacts Facts => new(EducationLevel, SkillLevel, ResidenceMonths, WorkMonths, InsuranceMonths, ContributionHundredths);

    /// <summary>The candidate the ranking sees, with the upheld objections' corrections applied in the order they were decided.</summary>
    public RoundCandidate Candidate(IEnumerable<RoundObjection> objections)
    {
        var facts = objections.Where(o => o.ApplicantId == Id && o.Status == ObjectionStatus.Upheld)
            .OrderBy(o => o.DecidedAt).ThenBy(o => o.Id)
            .Aggregate(Facts, (f, o) => o.Apply(f));
        return new RoundCandidate(Id, AppliedAt, facts, PermitMonths, Frozen);
    }
}

/// <summary>One ranking of a round (on publication, and after each upheld objection), with its lines.</summary>
public sealed class RoundRun
{
    private readonly List<RoundRunLine> _lines = [];

    private RoundRun() { }

    internal RoundRun(Guid roundId, int sequence, string trigger, DateTimeOffset ranAt, string ranBy, IEnumerable<RoundLine> lines)
    {
        Id = Guid.CreateVersion7();
        RoundId = roundId;
        Sequence = sequence;
        Trigger = trigger;
        RanAt = ranAt;
        RanBy = ranBy;
        _lines.AddRange(lines.Select(l => new RoundRunLine(l)));
    }

    public Guid Id { get; private set; }

    public Guid RoundId { get; private set; }

    public int Sequence { get; private set; }

    /// <summary><c>publication</c>, or <c>objection:&lt;id&gt;</c> for a re-run after an upheld objection.</summary>
    public string Trigger { get; private set; } = "";

    public DateTimeOffset RanAt { get; private set; }

    public string RanBy { get; private set; } = "";

    public IReadOnlyCollection<RoundRunLine> Lines => _lines.AsReadOnly();

    public IReadOnlyList<RoundLine> Result() =>
        [.. _lines.Select(l => l.ToLine()).OrderBy(l => l.Rank ?? int.MaxValue).ThenBy(l => l.ApplicantId)];
}

public sealed class RoundRunLine
{
    private RoundRunLine() { }

    internal RoundRunLine(RoundLine line)
    {
        ApplicantId = line.ApplicantId;
        ScoreHundredths = line.ScoreHundredths;
        Rank = line.Rank;
        Outcome = line.Outcome;
        Reason = line.Reason;
        TieBreak = line.TieBreak;
    }

    public Guid ApplicantId { get; private set; }

    public int ScoreHundredths { get; private set; }

    public int? Rank { get; private set; }

    public string Outcome { get; private set; } = "";

    public string Reason { get; private set; } = "";

    public string? TieBreak { get; private set; }

    public RoundLine ToLine() => new(ApplicantId, ScoreHundredths, Rank, Outcome, Reason, TieBreak);
}
