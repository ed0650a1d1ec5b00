namespace Permit.Domain.Permits;

public enum PermitStatus
{
    /// <summary>Issued on paper; the first card's personalization is not yet confirmed.</summary>
    PendingCard = 1,

    Active = 2,

    /// <summary>The yearly endorsement was missed: the permit's functions stop until a late endorsement.</summary>
    Suspended = 3,

    /// <summary>Seized because it was obtained with false proof.</summary>
    Revoked = 4,

    /// <summary>Ended because the holder took local hukou, died or no longer qualifies.</summary>
    Terminated = 5,
}

/// <summary>Why a permit ended. <see cref="Fraud"/> revokes; the others terminate.</summary>
public enum PermitEndReason
{
    LocalHukou = 1,
    Death = 2,
    NoLongerQualifies = 3,
    Fraud = 4,
}

/// <summary>Why a card was ordered: the first card is free, an exchange (换领) or replacement (补领) is charged.</summary>
public enum CardIssueReason
{
    FirstIssue = 1,

    /// <summary>换领: the previous card is damaged.</summary>
    Exchange = 2,

    /// <summary>补领: the previous card is lost.</summary>
    Replacement = 3,
}

public enum CardStatus
{
    /// <summary>Ordered; not yet a card until its personalization is confirmed.</summary>
    Ordered = 1,

    Issued = 2,

    Revoked = 3,
}

public enum CardRevocationReason
{
    Damaged = 1,
    Lost = 2,
    PermitEnded = 3,
}
