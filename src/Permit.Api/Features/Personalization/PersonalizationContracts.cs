namespace Permit.Api.Features.Personalization;

/// <summary>
/// Step 1 of the handshake: the agent has selected the blank card, verified its transport code and generated its key
/// pair. <see cref="Serial"/> is GET DATA's 8 bytes as 16 hex digits; <see cref="ChipKey"/> is the EF.CHIPKEY object
/// (<c>7F 49 43 {86 41 04‖X‖Y}</c>) GENERATE KEY PAIR answered, base64.
/// </summary>
public sealed record PersonalizationRequest(string? Serial, string? ChipKey);

/// <summary>Step 2: the files to write, base64, exactly as UPDATE BINARY writes them; EF.SIG is signed by key <see cref="KeyId"/>.</summary>
public sealed record PersonalizationResponse(
    string PermitNumber, int CardSequence, string KeyId, string PermitFile, string PhotoFile, string ChipKeyFile, string SignatureFile);

/// <summary>
/// Step 3: the agent wrote the files, read them back, activated the card, and reports the SHA-256 (hex) of each file it
/// read back (the whole TLV object, as hashed into EF.SIG), with a challenge from <c>POST /api/card-challenges</c> and
/// the chip's INTERNAL AUTHENTICATE answer to it (<c>r‖s</c>), both base64.
/// </summary>
public sealed record CardConfirmationRequest(
    string? Serial, string? PermitFileSha256, string? PhotoFileSha256, string? ChipKeyFileSha256, string? SignatureFileSha256,
    string? Challenge = null, string? Response = null);

/// <summary><c>POST …/cards/{n}/personalization/abandon</c>: why the bound chip is given up (pulled out, damaged…).</summary>
public sealed record AbandonChipRequest(string? Reason);

/// <summary>The chip is abandoned; its key is on status list <see cref="RevocationListVersion"/> (null when that publication failed: the next one carries it).</summary>
public sealed record AbandonChipResponse(string PermitNumber, int CardSequence, DateTimeOffset AbandonedAt, long? RevocationListVersion);

public sealed record CardConfirmationResponse(
    string PermitNumber, int CardSequence, string CardStatus, string PermitStatus, DateOnly? IssuedOn, string SerialMasked);
