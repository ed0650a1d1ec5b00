namespace Permit.Api.Features.Personalization;

// The handshake's requests and answers the agent shares are in Permit.Contracts (Personalization).

/// <summary><c>POST …/cards/{n}/personalization/abandon</c>: why the bound chip is given up (pulled out, damaged…).</summary>
public sealed record AbandonChipRequest(string? Reason);

/// <summary>The chip is abandoned; its key is on status list <see cref="RevocationListVersion"/> (null when that publication failed: the next one carries it).</summary>
public sealed record AbandonChipResponse(string PermitNumber, int CardSequence, DateTimeOffset AbandonedAt, long? RevocationListVersion);

