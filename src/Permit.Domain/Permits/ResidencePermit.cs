using System.Globalization;
using Permit.Domain.Applications;

namespace Permit.Domain.Permits;

/// <summary>
/// A residence permit (居住证) and its life cycle:
/// PendingCard → Active (first card's personalization confirmed) → Suspended (endorsement missed) → Active (late
/// endorsement) → Revoked (fraud) or Terminated (local hukou, death, no longer qualifies).
/// </summary>
/// <remarks>
/// <para>Validity and endorsement. Validity runs in yearly periods counted from an <see cref="Anchor"/> date (the issue
/// date, or the day of a late endorsement). After <c>n</c> endorsements since the anchor,
/// <c>ValidUntil = Anchor.AddYears(n + 1) − 1 day</c>. Anniversaries are always computed as <c>Anchor + k years</c>, never
/// by adding a year to the previous one, so an anchor of 29 February 2024 gives anniversaries of 28 February in common
/// years and 29 February again in 2028 (valid until 27 February 2025, 2026, 2027, then 28 February 2028).</para>
/// <para>The endorsement window is the month before the anniversary: [<c>ValidUntil + 1 day − 1 month</c>,
/// <c>ValidUntil</c>] (<see cref="EndorsementWindow"/>). <see cref="Endorse"/> inside it extends validity to the next
/// anniversary; outside it fails with <c>endorsement-outside-window</c>, naming the window. Once <c>ValidUntil</c> has
/// passed, the permit is suspended (<see cref="SuspendForMissedEndorsement"/>); a late endorsement on day <c>d</c>
/// restores it, makes <c>d</c> the new anchor (valid until <c>d + 1 year − 1 day</c>) and restarts the continuous-residence
/// count (<see cref="ContinuousResidenceSince"/>) from <c>d</c>.</para>
/// </remarks>
public sealed class ResidencePermit
{
    /// <summary>UTF-8 bytes, as EF.PERMIT tag 8A holds them.</summary>
    public const int MaxAuthorityBytes = 90;

    /// <summary>EF.PERMIT tag 8D stores the card sequence in one byte.</summary>
    public const int MaxCardSequence = 255;

    private readonly List<PermitCard> _cards = [];
    private readonly List<Endorsement> _endorsements = [];

    private ResidencePermit()
    {
        // For EF Core materialization.
        Number = null!;
        IssuingAuthority = null!;
    }

    public Guid Id { get; private set; }

    public PermitNumber Number { get; private set; }

    public Guid ResidentId { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>The issuing authority printed on the card (EF.PERMIT tag 8A).</summary>
    public string IssuingAuthority { get; private set; }

    public DateOnly IssueDate { get; private set; }

    public PermitStatus Status { get; private set; }

    /// <summary>The date yearly periods are counted from: the issue date, or the last late endorsement's date.</summary>
    public DateOnly Anchor { get; private set; }

    /// <summary>Endorsements since <see cref="Anchor"/> (a late endorsement resets it to 0).</summary>
    public int EndorsementsSinceAnchor { get; private set; }

    /// <summary>The last day of validity, inclusive (EF.PERMIT tag 8C).</summary>
    public DateOnly ValidUntil { get; private set; }

    /// <summary>Start of the unbroken residence the permit proves (points, school places): issue date or last late endorsement.</summary>
    public DateOnly ContinuousResidenceSince { get; private set; }

    public DateOnly? SuspendedOn { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    public PermitEndReason? EndReason { get; private set; }

    /// <summary>What was found (fraud) or recorded (other end reasons); no personal data of third parties.</summary>
    public string? EndNote { get; private set; }

    public IReadOnlyCollection<PermitCard> Cards => _cards.AsReadOnly();

    public IReadOnlyCollection<Endorsement> Endorsements => _endorsements.AsReadOnly();

    /// <summary>The card with the highest sequence (ordered, issued, or revoked with the permit).</summary>
    public PermitCard CurrentCard => _cards.MaxBy(c => c.Sequence)!;

    public bool HasEnded => Status is PermitStatus.Revoked or PermitStatus.Terminated;

    /// <summary>The window of the current period's endorsement.</summary>
    public EndorsementWindow EndorsementWindow => EndorsementWindow.EndingOn(ValidUntil);

    /// <summary>True when the permit's functions work on <paramref name="today"/>: active and not past its validity.</summary>
    public bool IsValidOn(DateOnly today) => Status == PermitStatus.Active && today <= ValidUntil;

    /// <summary>
    /// True when an active permit's validity has passed without endorsement: the daily job should call
    /// <see cref="SuspendForMissedEndorsement"/>, and a counter should suspend before endorsing late.
    /// </summary>
    public bool IsEndorsementOverdue(DateOnly today) => Status == PermitStatus.Active && today > ValidUntil;

    /// <summary>Issues the permit for an approved application and orders its first card (sequence 1).</summary>
    public static ResidencePermit Issue(PermitApplication application, PermitNumber number, string issuingAuthority, DateOnly issueDate)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(number);
        if (application.Status != ApplicationStatus.Approved)
            throw new DomainException("permit-application-not-approved", "A permit is issued only for an approved application.");
        if (issueDate < application.DecidedOn)
            throw new DomainException("permit-issued-before-approval", "A permit cannot be issued before its application was approved.");
        if (number.Year != issueDate.Year)
            throw new DomainException("permit-number-year-mismatch", "The permit number's year must be the issue year.");
        var permit = new ResidencePermit
        {
            Id = Guid.CreateVersion7(),
            Number = number,
            ResidentId = application.ResidentId,
            ApplicationId = application.Id,
            IssuingAuthority = Guard.CardText(issuingAuthority, "permit-issuing-authority-invalid", "The issuing authority", MaxAuthorityBytes),
            IssueDate = issueDate,
            Status = PermitStatus.PendingCard,
            ContinuousResidenceSince = issueDate,
        };
        permit.Reanchor(issueDate);
        permit._cards.Add(new PermitCard(1, CardIssueReason.FirstIssue, issueDate));
        return permit;
    }

    /// <summary>
    /// A permit taken over from the system a district replaces, with its number, its issue date and the card it has now:
    /// <paramref name="cardSequence"/> (1–255) issued on <paramref name="cardIssuedOn"/>. The permit is active from then
    /// on, as if that card's personalization had been confirmed. Earlier cards (1 … sequence − 1) are recorded as revoked
    /// on the day the current one was issued, as lost: nothing says why the old system replaced them, and a card that
    /// was replaced must fail a check whatever the reason. Endorsements are then given with <see cref="Endorse"/>, in order.
    /// </summary>
    public static ResidencePermit TakeOver(
        PermitApplication application, PermitNumber number, string issuingAuthority, DateOnly issueDate,
        int cardSequence, DateOnly cardIssuedOn, CardSerialNumber? serial)
    {
        var permit = Issue(application, number, issuingAuthority, issueDate);
        if (cardSequence is < 1 or > MaxCardSequence)
            throw new DomainException("card-sequence-invalid", $"A card sequence is 1 to {MaxCardSequence} (one byte on the card).");
        if (cardIssuedOn < issueDate)
            throw new DomainException("card-issued-before-permit", "A card cannot be issued before its permit.");
        if (cardSequence > 1)
        {
            permit._cards.Clear();
            for (var sequence = 1; sequence < cardSequence; sequence++)
            {
                var earlier = new PermitCard(sequence, sequence == 1 ? CardIssueReason.FirstIssue : CardIssueReason.Replacement, issueDate);
                earlier.Revoke(CardRevocationReason.Lost, cardIssuedOn);
                permit._cards.Add(earlier);
            }
            permit._cards.Add(new PermitCard(cardSequence, CardIssueReason.Replacement, cardIssuedOn));
        }
        permit.CurrentCard.MarkIssued(serial, cardIssuedOn);
        permit.Status = PermitStatus.Active;
        return permit;
    }

    /// <summary>
    /// The card agent confirms that the card <paramref name="cardSequence"/> was personalized, read back and activated on the
    /// chip <paramref name="serial"/>. Only then does it count as issued; the first one makes the permit Active.
    /// </summary>
    public void ConfirmCardIssued(CardSerialNumber serial, int cardSequence, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(serial);
        EnsureNotEnded();
        var card = CurrentCard;
        if (card.Sequence != cardSequence)
            throw new DomainException("card-not-current", "Only the permit's latest ordered card can be confirmed.");
        if (card.Status != CardStatus.Ordered)
            throw new DomainException("card-already-issued", "That card's issue was already confirmed.");
        card.MarkIssued(serial, today);
        if (Status == PermitStatus.PendingCard)
            Status = PermitStatus.Active;
    }

    /// <summary>
    /// The holder endorses the permit for another year (see remarks). Throws <c>endorsement-conditions-not-met</c> when
    /// the holder no longer qualifies (the caller tells whether the residence registration is still active) and
    /// <c>endorsement-outside-window</c>, with <c>windowOpens</c>/<c>windowCloses</c> details, outside the window of an
    /// active permit. A suspended permit is endorsed late on any day.
    /// </summary>
    public Endorsement Endorse(DateOnly today, bool holderStillQualifies)
    {
        if (Status is not (PermitStatus.Active or PermitStatus.Suspended))
            throw NotInForce("Only an active or suspended permit can be endorsed.");
        if (!holderStillQualifies)
            throw new DomainException("endorsement-conditions-not-met", "The holder no longer meets the conditions for a residence permit.");

        var previous = ValidUntil;
        Endorsement endorsement;
        if (Status == PermitStatus.Suspended)
        {
            Reanchor(today);
            ContinuousResidenceSince = today;
            Status = PermitStatus.Active;
            SuspendedOn = null;
            endorsement = new Endorsement(_endorsements.Count + 1, today, previous, ValidUntil, isLate: true);
        }
        else
        {
            var window = EndorsementWindow;
            if (!window.Contains(today))
                throw OutsideWindow(window);
            EndorsementsSinceAnchor++;
            ValidUntil = ValidUntilAfter(Anchor, EndorsementsSinceAnchor);
            endorsement = new Endorsement(_endorsements.Count + 1, today, previous, ValidUntil, isLate: false);
        }
        _endorsements.Add(endorsement);
        return endorsement;
    }

    /// <summary>
    /// Suspends an active permit whose validity has passed without endorsement. Returns true when it was suspended now,
    /// false when it already was (so a daily job may call it again); throws <c>permit-not-overdue</c> before then.
    /// </summary>
    public bool SuspendForMissedEndorsement(DateOnly today)
    {
        if (Status == PermitStatus.Suspended)
            return false;
        if (Status != PermitStatus.Active)
            throw NotInForce("Only an active permit can be suspended.");
        if (today <= ValidUntil)
            throw new DomainException("permit-not-overdue", "The permit is still valid; its endorsement is not overdue.");
        Status = PermitStatus.Suspended;
        SuspendedOn = ValidUntil.AddDays(1);
        return true;
    }

    /// <summary>The holder hands in a damaged card (换领): it is revoked at once and the next card ordered.</summary>
    public PermitCard ExchangeDamagedCard(DateOnly today) =>
        OrderNextCard(CardIssueReason.Exchange, CardRevocationReason.Damaged, today);

    /// <summary>The holder reports the card lost (补领): it is revoked at once and the next card ordered.</summary>
    public PermitCard ReplaceLostCard(DateOnly today) =>
        OrderNextCard(CardIssueReason.Replacement, CardRevocationReason.Lost, today);

    /// <summary>Ends the permit because the holder took local hukou, died or no longer qualifies; its card is revoked.</summary>
    public void Terminate(PermitEndReason reason, DateOnly today, string? note = null)
    {
        if (reason is not (PermitEndReason.LocalHukou or PermitEndReason.Death or PermitEndReason.NoLongerQualifies))
            throw new DomainException("permit-end-reason-invalid", "Terminate for local hukou, death or no longer qualifying; fraud revokes.");
        End(PermitStatus.Terminated, reason, today, Guard.OptionalText(note, "permit-end-note-invalid", "The note", 500));
    }

    /// <summary>Seizes a permit obtained with false proof and records the finding; its card is revoked.</summary>
    public void RevokeForFraud(string finding, DateOnly today) =>
        End(PermitStatus.Revoked, PermitEndReason.Fraud, today, Guard.Text(finding, "permit-fraud-finding-required", "The fraud finding", 500));

    private PermitCard OrderNextCard(CardIssueReason reason, CardRevocationReason revocation, DateOnly today)
    {
        EnsureNotEnded();
        var current = CurrentCard;
        if (current.Status != CardStatus.Issued)
            throw new DomainException("card-not-yet-issued", "The current card has not been issued yet; there is nothing to exchange or replace.");
        if (current.Sequence >= MaxCardSequence)
            throw new DomainException("card-sequence-exhausted", "The card sequence is one byte on the card; no further card can be ordered.");
        current.Revoke(revocation, today);
        var next = new PermitCard(current.Sequence + 1, reason, today);
        _cards.Add(next);
        return next;
    }

    private void End(PermitStatus status, PermitEndReason reason, DateOnly today, string? note)
    {
        EnsureNotEnded();
        var card = CurrentCard;
        if (card.Status != CardStatus.Revoked)
            card.Revoke(CardRevocationReason.PermitEnded, today);
        Status = status;
        EndReason = reason;
        EndedOn = today;
        EndNote = note;
    }

    private void Reanchor(DateOnly anchor)
    {
        Anchor = anchor;
        EndorsementsSinceAnchor = 0;
        ValidUntil = ValidUntilAfter(anchor, 0);
    }

    private static DateOnly ValidUntilAfter(DateOnly anchor, int endorsements) => anchor.AddYears(endorsements + 1).AddDays(-1);

    private void EnsureNotEnded()
    {
        if (HasEnded)
            throw new DomainException("permit-already-ended", "The permit has been revoked or terminated.");
    }

    private DomainException NotInForce(string message) =>
        HasEnded
            ? new DomainException("permit-already-ended", "The permit has been revoked or terminated.")
            : new DomainException("permit-not-in-force", message);

    private static DomainException OutsideWindow(EndorsementWindow window) =>
        new(
            "endorsement-outside-window",
            $"The permit can be endorsed from {window}.",
            new Dictionary<string, string>
            {
                ["windowOpens"] = window.Opens.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["windowCloses"] = window.Closes.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            });
}
