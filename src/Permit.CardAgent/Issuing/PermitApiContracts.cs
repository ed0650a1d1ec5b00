namespace Permit.CardAgent.Issuing;

// The card handshake's requests and answers are shared with the API: Permit.Contracts (Personalization).

/// <summary>The parts of <c>GET /api/permits/{number}</c> the agent needs: which card is waiting to be personalized.</summary>
public sealed record PermitState(string PermitNumber, string Status, int CurrentCardSequence, IReadOnlyList<PermitCardState> Cards)
{
    public const string CardOrdered = "Ordered";
    public const string CardIssued = "Issued";

    public PermitCardState? CurrentCard => Cards.FirstOrDefault(c => c.Sequence == CurrentCardSequence);

    public bool HasEnded => Status is "Revoked" or "Terminated";
}

public sealed record PermitCardState(int Sequence, string Status);

/// <summary>SHA-256 (lower-case hex) of each file as read back from the card, the whole TLV object each.</summary>
public sealed record ReadBackHashes(string PermitFileSha256, string PhotoFileSha256, string ChipKeyFileSha256, string SignatureFileSha256);

/// <summary>The sign-in answer of <c>POST /api/auth/token</c>.</summary>
internal sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt);

/// <summary>The answer of <c>POST /api/card-challenges</c>: base64 challenge bytes, single use, until <see cref="ExpiresAt"/>.</summary>
internal sealed record IssuedChallenge(string Challenge, DateTimeOffset ExpiresAt);

/// <summary>The API's answer to pairing: this agent's id, desk or counter, and the public keys to pin (SPKI, base64).</summary>
public sealed record PairingAnswer(Guid AgentId, string Kind, string Name, PinnedKeyAnswer TicketKey, PinnedKeyAnswer SealKey);

public sealed record PinnedKeyAnswer(string? Kid, string Spki);
