using System.Security.Cryptography;
using Permit.CardAgent.Cards;
using Permit.Contracts.Personalization;
using Permit.Domain.Credentials.Card;

namespace Permit.CardAgent.Issuing;

/// <summary>The steps of an API-backed personalization, as progress events name them.</summary>
public static class PersonalizationSteps
{
    public const string KeyPair = "key-pair";
    public const string Prepare = "prepare";
    public const string WritePermit = "write-permit";
    public const string WritePhoto = "write-photo";
    public const string WriteChipKey = "write-chipkey";
    public const string WriteSignature = "write-signature";
    public const string ReadBack = "read-back";
    public const string Activate = "activate";
    public const string Confirm = "confirm";
    public const string Done = "done";
    public const string Failed = "failed";
}

/// <summary>A card the API now counts as issued. <see cref="Recovered"/>: it was already active, only the confirmation was missing.</summary>
public sealed record ApiPersonalizedCard(
    string PermitNumber, int CardSequence, string? IssuerKeyId, string SerialMasked, string CardStatus, string PermitStatus,
    DateOnly? IssuedOn, bool Recovered);

/// <summary>
/// Personalizes the permit's ordered card with files the permit API signs for this very chip (issue #4's handshake):
/// SELECT → GET DATA serial → VERIFY → GENERATE KEY PAIR → API: serial + EF.CHIPKEY → EF.PERMIT, EF.PHOTO, EF.SIG →
/// UPDATE each → read every file back and compare → ACTIVATE (last) → API: a fresh challenge → INTERNAL AUTHENTICATE →
/// API: serial + hashes of what was read back + the chip's answer. Only that confirmation makes the card issued.
/// The API binds the first chip key it signs for to the card. Recovery follows from the card's life cycle: a card
/// pulled before ACTIVATE is BLANK again at the next power-on (the verified transport code is gone), and its next run
/// makes a new chip key, which the API refuses (<c>card-chip-bound</c>) until the officer abandons the earlier chip;
/// a re-run after a lost answer to prepare, with the same key, gets the files again; a card that is already ACTIVE
/// answers VERIFY with 69 85, and a re-run reads its files back and confirms them, which is how a lost confirmation is
/// recovered.
/// </summary>
public static class ApiPersonalizer
{
    /// <summary>Refuses, before the card is touched, a permit that takes no card any more (revoked or terminated).</summary>
    public static void RequireOpen(PermitState permit)
    {
        ArgumentNullException.ThrowIfNull(permit);
        if (permit.HasEnded)
        {
            throw new AgentException("permit-not-pending", ExitCodes.ApiRefused,
                $"Permit {permit.PermitNumber} has ended ({permit.Status}); it takes no card.") { HttpStatus = 409 };
        }
    }

    public static async Task<ApiPersonalizedCard> PersonalizeAsync(
        PermitCardSession session, PermitApiClient api, PermitState permit, byte[] transportCode, Action<string> step,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(permit);
        ArgumentNullException.ThrowIfNull(step);
        var sequence = permit.CurrentCardSequence;

        session.SelectApplication();
        var serial = Convert.ToHexString(session.ReadSerial());
        try
        {
            session.VerifyTransportCode(transportCode);
        }
        catch (CardOperationException e) when (e.Code == "card-not-blank")
        {
            return await ConfirmActiveCardAsync(session, api, permit, serial, step, cancellationToken).ConfigureAwait(false);
        }

        if (permit.CurrentCard?.Status != PermitState.CardOrdered)
        {
            throw new AgentException("permit-not-pending", ExitCodes.ApiRefused,
                $"Card {sequence} of permit {permit.PermitNumber} is already issued; a blank card is personalized only after an exchange or replacement is ordered.")
            { HttpStatus = 409 };
        }

        step(PersonalizationSteps.KeyPair);
        var chipKeyFile = session.GenerateKeyPair();
        if (!ChipKeyFile.Decode(chipKeyFile).IsValid)
        {
            throw new CardOperationException("chip-key-invalid",
                "The card answered GENERATE KEY PAIR with something that is not a P-256 public key; the card was not activated.");
        }

        step(PersonalizationSteps.Prepare);
        var issued = await api.PrepareAsync(permit.PermitNumber, sequence, serial, chipKeyFile, cancellationToken).ConfigureAwait(false);
        var files = IssuedFiles.From(issued, permit.PermitNumber, sequence);

        step(PersonalizationSteps.WritePermit);
        session.WriteFile(CardApplications.EfPermit, files.Permit);
        step(PersonalizationSteps.WritePhoto);
        session.WriteFile(CardApplications.EfPhoto, files.Photo);
        // The chip wrote EF.CHIPKEY itself when it made its key; the API signed a copy, which must be those very bytes.
        step(PersonalizationSteps.WriteChipKey);
        if (!files.ChipKey.AsSpan().SequenceEqual(chipKeyFile))
        {
            throw new AgentException("api-answer-invalid", ExitCodes.ApiUnavailable,
                "The permit API signed another chip key than this card's; the card was not activated. Repeat the command.") { HttpStatus = 502 };
        }

        step(PersonalizationSteps.WriteSignature);
        session.WriteFile(CardApplications.EfSig, files.Signature);

        step(PersonalizationSteps.ReadBack);
        var readBack = ReadBack(session);
        RequireSame("EF.PERMIT", files.Permit, readBack.Permit);
        RequireSame("EF.PHOTO", files.Photo, readBack.Photo);
        RequireSame("EF.CHIPKEY", files.ChipKey, readBack.ChipKey);
        RequireSame("EF.SIG", files.Signature, readBack.Signature);

        step(PersonalizationSteps.Activate);
        session.Activate();

        step(PersonalizationSteps.Confirm);
        var confirmation = await ConfirmAfterActivationAsync(session, api, permit.PermitNumber, sequence, serial, readBack.Hashes(), cancellationToken)
            .ConfigureAwait(false);
        return Result(confirmation, issued.KeyId, recovered: false);
    }

    /// <summary>The card is already active: prove the chip holds the key its files name, then confirm what it holds.</summary>
    private static async Task<ApiPersonalizedCard> ConfirmActiveCardAsync(
        PermitCardSession session, PermitApiClient api, PermitState permit, string serial, Action<string> step, CancellationToken cancellationToken)
    {
        step(PersonalizationSteps.ReadBack);
        var readBack = ReadBack(session);
        var chipKey = ChipKeyFile.Decode(readBack.ChipKey);
        var challenge = ActiveAuthentication.NewChallenge();
        if (!chipKey.IsValid || !ActiveAuthentication.Verify(chipKey.Value!, challenge, session.InternalAuthenticate(challenge)))
        {
            throw new CardOperationException("card-not-genuine",
                "This active card does not prove it holds the key in its EF.CHIPKEY; it cannot be confirmed as issued.");
        }

        step(PersonalizationSteps.Confirm);
        var confirmation = await ConfirmWithChipAsync(session, api, permit.PermitNumber, permit.CurrentCardSequence, serial, readBack.Hashes(), cancellationToken)
            .ConfigureAwait(false);
        return Result(confirmation, SecurityObject.Decode(readBack.Signature).Value is { } sig ? Convert.ToHexStringLower(sig.KeyId) : null, recovered: true);
    }

    /// <summary>The API's own challenge, answered by the chip: the API checks the answer against the key it bound at prepare.</summary>
    private static async Task<CardConfirmation> ConfirmWithChipAsync(
        PermitCardSession session, PermitApiClient api, string permitNumber, int sequence, string serial, ReadBackHashes hashes,
        CancellationToken cancellationToken)
    {
        var challenge = await api.GetChallengeAsync(permitNumber, sequence, cancellationToken).ConfigureAwait(false);
        var response = session.InternalAuthenticate(challenge);
        return await api.ConfirmAsync(permitNumber, sequence, serial, hashes, challenge, response, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<CardConfirmation> ConfirmAfterActivationAsync(
        PermitCardSession session, PermitApiClient api, string permitNumber, int sequence, string serial, ReadBackHashes hashes,
        CancellationToken cancellationToken)
    {
        try
        {
            return await ConfirmWithChipAsync(session, api, permitNumber, sequence, serial, hashes, cancellationToken).ConfigureAwait(false);
        }
        catch (AgentException e)
        {
            throw new AgentException(e.Code, e.ExitCode,
                $"The card is written and active, but the permit API has not recorded it: {e.Message} " +
                "Keep this card and run the same command again with it in the reader; that confirms it.", e) { HttpStatus = e.HttpStatus };
        }
    }

    private static ApiPersonalizedCard Result(CardConfirmation confirmation, string? keyId, bool recovered) => new(
        confirmation.PermitNumber, confirmation.CardSequence, keyId, confirmation.SerialMasked, confirmation.CardStatus,
        confirmation.PermitStatus, confirmation.IssuedOn, recovered);

    private static CardFiles ReadBack(PermitCardSession session) =>
        new(session.ReadPermitFile(), session.ReadPhotoFile(), session.ReadChipKeyFile(), session.ReadSigFile());

    private static void RequireSame(string file, byte[] written, byte[] readBack)
    {
        if (!written.AsSpan().SequenceEqual(readBack))
        {
            throw new CardOperationException("readback-mismatch",
                $"{file} reads back differently from what was written; the card was not activated. Try again, or use another card.");
        }
    }

    private sealed record CardFiles(byte[] Permit, byte[] Photo, byte[] ChipKey, byte[] Signature)
    {
        public ReadBackHashes Hashes() => new(Hash(Permit), Hash(Photo), Hash(ChipKey), Hash(Signature));

        private static string Hash(byte[] file) => Convert.ToHexStringLower(SHA256.HashData(file));
    }

    /// <summary>The API's files decoded and checked to be the ones asked for, before anything is written.</summary>
    private sealed record IssuedFiles(byte[] Permit, byte[] Photo, byte[] ChipKey, byte[] Signature)
    {
        public static IssuedFiles From(IssuedCardFiles issued, string permitNumber, int sequence)
        {
            if (issued.CardSequence != sequence || !string.Equals(issued.PermitNumber, permitNumber, StringComparison.Ordinal))
                throw Invalid($"files for permit {issued.PermitNumber} card {issued.CardSequence} instead of {permitNumber} card {sequence}");
            try
            {
                var files = new IssuedFiles(
                    Convert.FromBase64String(issued.PermitFile), Convert.FromBase64String(issued.PhotoFile),
                    Convert.FromBase64String(issued.ChipKeyFile), Convert.FromBase64String(issued.SignatureFile));
                if (files.Permit.Length > PermitCardSession.MaxPermitSize || files.Photo.Length > PermitCardSession.MaxPhotoSize
                    || files.Signature.Length > PermitCardSession.MaxSigSize)
                {
                    throw Invalid("a file larger than the card holds");
                }

                return files;
            }
            catch (Exception e) when (e is FormatException or ArgumentNullException)
            {
                throw Invalid("a file that is not base64");
            }
        }

        private static AgentException Invalid(string what) => new("api-answer-invalid", ExitCodes.ApiUnavailable,
            $"The permit API answered with {what}; nothing was written to the card.") { HttpStatus = 502 };
    }
}
