namespace Permit.Domain.Entitlements;

/// <summary>The permit's state as entitlement checks see it (mirrors the permit aggregate's lifecycle).</summary>
public enum HolderPermitStatus
{
    /// <summary>Approved; the card is not yet handed over.</summary>
    PendingCard,
    Active,

    /// <summary>The yearly endorsement is overdue; functions stop until a late endorsement.</summary>
    Suspended,

    /// <summary>Seized (false proof) or replaced by a new card.</summary>
    Revoked,

    /// <summary>The holder no longer qualifies, took local hukou, or died.</summary>
    Terminated,
}

/// <summary>
/// What an entitlement check needs to know about a holder, as of the day asked. Deliberately free of names and
/// ID numbers: a terminal can ask about eligibility without seeing personal data.
/// </summary>
public sealed record HolderFacts
{
    public const string InvalidCode = "holder-facts-invalid";

    public required HolderPermitStatus PermitStatus { get; init; }

    /// <summary>Last day the permit is valid (one year after the last endorsement); needed for an active permit.</summary>
    public DateOnly? ValidUntil { get; init; }

    /// <summary>Start of the current unbroken holding; a late endorsement restarts it. Needed when a service asks for months held.</summary>
    public DateOnly? HeldUnbrokenSince { get; init; }

    /// <summary>Months of continuous social insurance up to today.</summary>
    public int SocialInsuranceContinuousMonths
    {
        get;
        init => field = value >= 0 ? value : throw new DomainException(InvalidCode, "Social-insurance months cannot be negative.");
    }

    /// <summary>The current points total; <c>null</c> when never assessed.</summary>
    public decimal? PointsTotal { get; init; }

    /// <summary>True while a "deduction and freeze" indicator is on record.</summary>
    public bool PointsFrozen { get; init; }
}
