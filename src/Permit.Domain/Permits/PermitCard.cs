namespace Permit.Domain.Permits;

/// <summary>
/// One physical card of a permit. Sequence 1 is the first card; each exchange or replacement orders the next.
/// A card is issued only when its personalization is confirmed; it is revoked when the next is ordered or the permit ends.
/// (permit number, sequence) is what a verifier checks against the revocation list.
/// </summary>
public sealed class PermitCard
{
    private PermitCard()
    {
        // For EF Core materialization.
    }

    internal PermitCard(int sequence, CardIssueReason reason, DateOnly orderedOn)
    {
        Id = Guid.CreateVersion7();
        Sequence = sequence;
        Reason = reason;
        OrderedOn = orderedOn;
        Status = CardStatus.Ordered;
    }

    public Guid Id { get; private set; }

    /// <summary>The card sequence written to EF.PERMIT tag 8D: 1, then +1 per exchange or replacement.</summary>
    public int Sequence { get; private set; }

    public CardIssueReason Reason { get; private set; }

    public CardStatus Status { get; private set; }

    public DateOnly OrderedOn { get; private set; }

    /// <summary>The chip serial, known once personalization is confirmed.</summary>
    public CardSerialNumber? Serial { get; private set; }

    public DateOnly? IssuedOn { get; private set; }

    public DateOnly? RevokedOn { get; private set; }

    public CardRevocationReason? RevocationReason { get; private set; }

    /// <summary>The first card is free; exchange and replacement are charged (the fee is configuration).</summary>
    public bool IsChargeable => Reason != CardIssueReason.FirstIssue;

    internal void MarkIssued(CardSerialNumber? serial, DateOnly today)
    {
        Serial = serial;
        IssuedOn = today;
        Status = CardStatus.Issued;
    }

    internal void Revoke(CardRevocationReason reason, DateOnly today)
    {
        Status = CardStatus.Revoked;
        RevokedOn = today;
        RevocationReason = reason;
    }
}
