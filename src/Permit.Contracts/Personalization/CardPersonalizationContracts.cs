namespace Permit.Contracts.Personalization;

/// <summary>
/// Step 1 of the card handshake (<c>POST /api/permits/{number}/cards/{sequence}/personalization</c>): the agent has
/// selected the blank card, verified its transport code and generated its key pair. <see cref="Serial"/> is GET DATA's
/// 8 bytes as 16 hex digits; <see cref="ChipKey"/> is the EF.CHIPKEY object (<c>7F 49 43 {86 41 04‖X‖Y}</c>) GENERATE
/// KEY PAIR answered, base64. Nullable because the API validates what arrives.
/// </summary>
public sealed record PersonalizationRequest(string? Serial, string? ChipKey);

/// <summary>Step 2: the files the API issued for that chip, base64, exactly as UPDATE BINARY writes them; EF.SIG is
/// signed by key <see cref="KeyId"/>.</summary>
public sealed record IssuedCardFiles(
    string PermitNumber, int CardSequence, string KeyId, string PermitFile, string PhotoFile, string ChipKeyFile, string SignatureFile);

/// <summary>
/// Step 3 (<c>…/confirmation</c>): the agent wrote the files, read them back, activated the card, and reports the
/// SHA-256 (lower-case hex) of each file it read back (the whole TLV object, as hashed into EF.SIG), with a challenge
/// from the API and the chip's INTERNAL AUTHENTICATE answer to it (<c>r‖s</c>), both base64.
/// </summary>
public sealed record CardConfirmationRequest(
    string? Serial, string? PermitFileSha256, string? PhotoFileSha256, string? ChipKeyFileSha256, string? SignatureFileSha256,
    string? Challenge = null, string? Response = null);

/// <summary>The API's answer to the confirmation: the card now counts as issued.</summary>
public sealed record CardConfirmation(
    string PermitNumber, int CardSequence, string CardStatus, string PermitStatus, DateOnly? IssuedOn, string SerialMasked);
