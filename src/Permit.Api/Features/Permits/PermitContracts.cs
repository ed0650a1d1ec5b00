using Permit.Domain.Permits;

namespace Permit.Api.Features.Permits;

/// <summary>Issue the permit of an approved application.</summary>
public sealed record IssuePermitRequest(Guid ApplicationId);

/// <summary>
/// The issued permit and, on the first answer only, the holder's one-time self-service activation code to print on the
/// receipt (null when the holder's account is already active, and in a replayed answer).
/// </summary>
public sealed record IssuedPermitResponse(PermitResponse Permit, string? ActivationCode);

/// <summary>End the permit: <c>LocalHukou</c>, <c>Death</c> or <c>NoLongerQualifies</c>.</summary>
public sealed record TerminatePermitRequest(string? Reason, string? Note);

/// <summary>Seize a permit obtained with false proof, recording what was found.</summary>
public sealed record RevokePermitRequest(string? Finding);

/// <summary>Run the missed-endorsement suspension as the daily job would on <see cref="Date"/> (today when absent).</summary>
public sealed record SuspendOverdueRequest(DateOnly? Date);

public sealed record SuspendOverdueResponse(DateOnly Date, int Suspended);

public sealed record EndorsementWindowResponse(DateOnly Opens, DateOnly Closes);

/// <summary>One card of a permit; the chip serial is shown masked only.</summary>
public sealed record CardResponse(
    int Sequence, string Reason, string Status, DateOnly OrderedOn, DateOnly? IssuedOn, DateOnly? RevokedOn,
    string? RevocationReason, string? SerialMasked)
{
    public static CardResponse From(PermitCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new CardResponse(
            card.Sequence, card.Reason.ToString(), card.Status.ToString(), card.OrderedOn, card.IssuedOn, card.RevokedOn,
            card.RevocationReason?.ToString(), card.Serial?.Masked);
    }
}

public sealed record PermitResponse(
    string PermitNumber,
    Guid ResidentId,
    Guid ApplicationId,
    string Status,
    string IssuingAuthority,
    DateOnly IssueDate,
    DateOnly ValidUntil,
    EndorsementWindowResponse EndorsementWindow,
    DateOnly ContinuousResidenceSince,
    int CurrentCardSequence,
    DateOnly? SuspendedOn,
    DateOnly? EndedOn,
    string? EndReason,
    IReadOnlyList<CardResponse> Cards)
{
    public static PermitResponse From(ResidencePermit permit)
    {
        ArgumentNullException.ThrowIfNull(permit);
        var window = permit.EndorsementWindow;
        return new PermitResponse(
            permit.Number.Value, permit.ResidentId, permit.ApplicationId, permit.Status.ToString(), permit.IssuingAuthority,
            permit.IssueDate, permit.ValidUntil, new EndorsementWindowResponse(window.Opens, window.Closes),
            permit.ContinuousResidenceSince, permit.CurrentCard.Sequence, permit.SuspendedOn, permit.EndedOn,
            permit.EndReason?.ToString(), [.. permit.Cards.OrderBy(c => c.Sequence).Select(CardResponse.From)]);
    }
}
