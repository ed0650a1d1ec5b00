namespace Permit.Domain.Credentials.Verification;

/// <summary>
/// The card files as read with READ BINARY, each from offset 0 to the end of its TLV object (trailing
/// <c>00</c>/<c>FF</c> padding is tolerated and not hashed). <see cref="Photo"/> is null when the terminal
/// did not read EF.PHOTO; its hash is then not checked.
/// </summary>
public sealed record CardReadout(byte[] Permit, byte[]? Photo, byte[] ChipKey, byte[] Signature);

/// <summary>The INTERNAL AUTHENTICATE exchange: the challenge the verifier sent and the card's <c>r‖s</c> answer.</summary>
public sealed record ChipChallengeResponse(byte[] Challenge, byte[] Response);

/// <summary>The permit's status in the issuer's live register, for verifiers that are online.</summary>
public enum LivePermitStatus
{
    Active,
    Suspended,
    Revoked,
}

/// <summary>
/// What the live register says about one card, fed by the caller on the online path
/// (<see cref="CredentialVerifier.VerifyOnline"/>) or alongside a card or QR check.
/// </summary>
public sealed record LivePermitRecord(string PermitNumber, int CardSequence, DateOnly ValidUntil, LivePermitStatus Status);

/// <summary>
/// What a verifier knows about revocation: the last synchronised list, the live status if online, and how long past the
/// list's nextUpdate it may still be relied on (<see cref="Grace"/>, default <see cref="DefaultGrace"/>): within the
/// grace the verdict warns, past it (or with no list and no live status) the verdict is "cannot confirm".
/// </summary>
public sealed record RevocationKnowledge(ICardStatusData? List, LivePermitStatus? LiveStatus = null, TimeSpan? Grace = null)
{
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromHours(24);

    /// <summary>Nothing known: every verdict made with it is refused as <c>revocation-data-stale</c> (fail closed).</summary>
    public static RevocationKnowledge None { get; } = new(List: null);

    public TimeSpan EffectiveGrace => Grace is { } g && g >= TimeSpan.Zero ? g : DefaultGrace;
}
