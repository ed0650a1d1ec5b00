namespace Permit.Api.Tests.Features.Permits;

/// <summary>The issuance answer: the permit and the receipt's one-time self-service activation code.</summary>
public sealed record IssuedView(PermitView Permit, string? ActivationCode);

/// <summary>The parts of the permit answer the tests look at.</summary>
public sealed record PermitView(
    string PermitNumber, Guid ResidentId, string Status, DateOnly IssueDate, DateOnly ValidUntil, WindowView EndorsementWindow,
    DateOnly ContinuousResidenceSince, int CurrentCardSequence, IReadOnlyList<CardView> Cards);

public sealed record WindowView(DateOnly Opens, DateOnly Closes);

public sealed record CardView(int Sequence, string Reason, string Status, DateOnly? IssuedOn, DateOnly? RevokedOn, string? RevocationReason);
