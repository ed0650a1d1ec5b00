namespace Permit.Domain.Settlement;

public enum ObjectionStatus
{
    Pending = 1,
    Upheld = 2,
    Dismissed = 3,
}

/// <summary>
/// An objection to a published ranking (公示异议): an applicant's claim that one of their index facts is wrong, with the
/// value claimed. Upheld, the corrected value replaces the stored fact in every later ranking of the round; the stored
/// snapshot itself never changes, so the final list is reproducible from the snapshot plus the upheld objections.
/// </summary>
public sealed class RoundObjection
{
    public const int MaxTextLength = 500;

    private RoundObjection()
    {
        Source = null!;
        ClaimedValue = null!;
        Claim = null!;
        FiledBy = null!;
    }

    private RoundObjection(Guid roundId, Guid applicantId, string source, string claimedValue, string claim, DateOnly filedOn, DateTimeOffset filedAt, string filedBy)
    {
        Id = Guid.CreateVersion7();
        RoundId = roundId;
        ApplicantId = applicantId;
        Source = source;
        ClaimedValue = claimedValue;
        Claim = claim;
        FiledOn = filedOn;
        FiledAt = filedAt;
        FiledBy = filedBy;
        Status = ObjectionStatus.Pending;
    }

    public Guid Id { get; private set; }

    public Guid RoundId { get; private set; }

    /// <summary>The round applicant (not the resident) the objection is about.</summary>
    public Guid ApplicantId { get; private set; }

    /// <summary>The index fact claimed wrong (<see cref="IndexSources"/>).</summary>
    public string Source { get; private set; }

    public string ClaimedValue { get; private set; }

    public string Claim { get; private set; }

    public DateOnly FiledOn { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    public string FiledBy { get; private set; }

    public ObjectionStatus Status { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public string? DecisionReasons { get; private set; }

    public static RoundObjection File(SettlementRound round, Guid applicantId, string? source, string? claimedValue, string? claim, DateOnly today, DateTimeOffset now, string filedBy)
    {
        ArgumentNullException.ThrowIfNull(round);
        round.EnsureObjectionWindow(today);
        if (!IndexSources.All.Contains(source ?? ""))
            throw new DomainException("settlement-objection-source-invalid", $"An objection names one index fact: {string.Join(", ", IndexSources.All)}.");
        var value = Guard.Text(claimedValue, "settlement-objection-value-required", "The claimed value", 64);
        if (source is not (IndexSources.EducationLevel or IndexSources.SkillLevel) && (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)))
            throw new DomainException("settlement-objection-value-invalid", "The claimed value of a month or point count is a whole number of 0 or more.");
        return new RoundObjection(round.Id, applicantId, source!, value, Guard.Text(claim, "settlement-objection-claim-required", "The claim", MaxTextLength),
            today, now, Guard.Text(filedBy, "settlement-officer-required", "The filer", 100));
    }

    /// <summary>A supervisor upholds or dismisses the objection, with reasons, during the publicity period.</summary>
    public void Decide(SettlementRound round, Official official, bool uphold, string? reasons, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(official);
        if (!official.IsSupervisor)
            throw new DomainException("settlement-supervisor-required", "Only a supervisor decides an objection.");
        round.EnsureObjectionWindow(today);
        if (Status != ObjectionStatus.Pending)
            throw new DomainException("settlement-objection-already-decided", "This objection has already been decided.");
        DecisionReasons = Guard.Text(reasons, "settlement-reasons-required", "The reasons", MaxTextLength);
        Status = uphold ? ObjectionStatus.Upheld : ObjectionStatus.Dismissed;
        DecidedBy = official.Id;
        DecidedOn = today;
        DecidedAt = now;
    }

    /// <summary>The facts with this objection's correction applied (only when upheld).</summary>
    public IndexFacts Apply(IndexFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (Status != ObjectionStatus.Upheld)
            return facts;
        return Source switch
        {
            IndexSources.EducationLevel => facts with { EducationLevel = ClaimedValue },
            IndexSources.SkillLevel => facts with { SkillLevel = ClaimedValue },
            IndexSources.ResidenceMonths => facts with { ResidenceMonths = int.Parse(ClaimedValue, System.Globalization.CultureInfo.InvariantCulture) },
            IndexSources.WorkMonths => facts with { WorkMonths = int.Parse(ClaimedValue, System.Globalization.CultureInfo.InvariantCulture) },
            IndexSources.InsuranceMonths => facts with { InsuranceMonths = int.Parse(ClaimedValue, System.Globalization.CultureInfo.InvariantCulture) },
            IndexSources.ContributionPoints => facts with { ContributionHundredths = int.Parse(ClaimedValue, System.Globalization.CultureInfo.InvariantCulture) * 100 },
            _ => facts,
        };
    }
}
