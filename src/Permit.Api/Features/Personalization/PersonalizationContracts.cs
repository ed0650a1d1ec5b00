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
/// read back (the whole TLV object, as hashed into EF.SIG).
/// </summary>
public sealed record CardConfirmationRequest(
    string? Serial, string? PermitFileSha256, string? PhotoFileSha256, string? ChipKeyFileSha256, string? SignatureFileSha256);

public sealed record CardConfirmationResponse(
    string PermitNumber, int CardSequence, string CardStatus, string PermitStatus, DateOnly? IssuedOn, string SerialMasked);
