using System.Security.Cryptography;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Credentials.Qr;
using Permit.Domain.Credentials.Signing;
using Permit.Domain.Credentials.Trust;

namespace Permit.Domain.Credentials.Verification;

/// <summary>
/// The single implementation of "is this permit genuine and in force?" for chip cards, QR codes and the
/// online permit-number lookup. Security checks run in order and the first failure stops the rest
/// (their data can no longer be trusted); the status checks after them all run, and the refusal reason is
/// the most serious one found: revoked, then suspended, then expired, then stale.
/// </summary>
public static class CredentialVerifier
{
    /// <param name="confirmedChipKeyHash">Online only: SHA-256 of the EF.CHIPKEY the register recorded when this card's
    /// issue was confirmed (an empty array when it has none). A card presenting any other chip key is
    /// <c>clone-suspected</c>, whatever its files say. Null offline, where only the status list's <c>ac</c> is checked.</param>
    public static CredentialVerdict VerifyCard(
        CardReadout files,
        ChipChallengeResponse chipAuthentication,
        TrustList trustList,
        RevocationKnowledge revocation,
        DateTimeOffset now,
        byte[]? confirmedChipKeyHash = null)
    {
        ArgumentNullException.ThrowIfNull(chipAuthentication);
        return VerifyCardFiles(files, trustList, revocation, now, confirmedChipKeyHash,
            chipKey => ActiveAuthentication.Verify(chipKey, chipAuthentication.Challenge, chipAuthentication.Response));
    }

    private static CredentialVerdict VerifyCardFiles(
        CardReadout files,
        TrustList trustList,
        RevocationKnowledge revocation,
        DateTimeOffset now,
        byte[]? confirmedChipKeyHash,
        Func<ChipPublicKey, bool> chipCheck)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(trustList);
        ArgumentNullException.ThrowIfNull(revocation);
        var verdict = new VerdictBuilder(VerificationCheck.QrFreshness);

        var signature = SecurityObject.Decode(files.Signature);
        var permit = PermitFile.Decode(files.Permit);
        var chipKey = ChipKeyFile.Decode(files.ChipKey);
        var photo = files.Photo is null ? null : PhotoFile.Decode(files.Photo);
        var formatError = signature.Error ?? permit.Error ?? chipKey.Error ?? photo?.Error;
        if (formatError is null && signature.Value!.Algorithm != SecurityObject.EcdsaP256Sha256)
        {
            formatError = "EF.SIG names a signature algorithm other than 01 (ECDSA P-256 SHA-256)";
        }

        if (!verdict.Check(VerificationCheck.Format, formatError is null, RefusalReason.Malformed, formatError))
        {
            return verdict.Build();
        }

        var sig = signature.Value!;
        if (!KeyKnown(verdict, trustList, sig.KeyId, out var issuerKey))
        {
            return verdict.Build();
        }

        bool signatureOk;
        using (var key = issuerKey.CreateVerificationKey())
        {
            signatureOk = P256.Verify(key, sig.SignedContent(), sig.Signature);
        }

        if (!verdict.Check(VerificationCheck.IssuerSignature, signatureOk, RefusalReason.BadSignature, "EF.SIG signature does not verify"))
        {
            return verdict.Build();
        }

        var hashError = CompareHashes(files, sig);
        if (!verdict.Check(VerificationCheck.FileHashes, hashError is null, RefusalReason.BadSignature, hashError,
            files.Photo is null ? "EF.PHOTO not read, its hash not checked" : null))
        {
            return verdict.Build();
        }

        // Only now is EF.PERMIT proven to be what the key signed, so its permit number and issue date can be judged.
        if (!Mandate(verdict, issuerKey, permit.Value!.PermitNumber, issuerKey.MaySignOn(permit.Value.IssueDate)))
        {
            return verdict.Build();
        }

        if (!verdict.Check(VerificationCheck.ChipSignature, chipCheck(chipKey.Value!), RefusalReason.CloneSuspected,
            "the chip did not sign the challenge with the EF.CHIPKEY key"))
        {
            return verdict.Build();
        }

        // A genuine chip holding genuinely signed files is still a clone when it is not the chip the card was issued on.
        if (!CheckChipKeyBinding(verdict, sig.ChipKeyHash, revocation.List, confirmedChipKeyHash))
        {
            return verdict.Build();
        }

        var card = permit.Value!;
        CheckStatus(verdict, card.PermitNumber, card.CardSequence, card.ValidUntil, expiresAt: null, revocation, now);
        return verdict.Build() with { Card = card };
    }

    public static CredentialVerdict VerifyQr(string? text, TrustList trustList, RevocationKnowledge revocation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(trustList);
        ArgumentNullException.ThrowIfNull(revocation);
        var verdict = new VerdictBuilder(VerificationCheck.FileHashes, VerificationCheck.ChipSignature, VerificationCheck.ChipKeyBinding);

        var scanned = QrCredential.Read(text);
        if (!verdict.Check(VerificationCheck.Format, scanned.IsValid, RefusalReason.Malformed, scanned.Error))
        {
            return verdict.Build();
        }

        var qr = scanned.Value!;
        if (!KeyKnown(verdict, trustList, qr.KeyId, out var issuerKey))
        {
            return verdict.Build();
        }

        if (!verdict.Check(VerificationCheck.IssuerSignature, CoseSign1.VerifySignature(qr.Message, issuerKey), RefusalReason.BadSignature,
            "COSE signature does not verify"))
        {
            return verdict.Build();
        }

        var claims = qr.Claims;
        if (!Mandate(verdict, issuerKey, claims.PermitNumber, issuerKey.MaySignAt(claims.IssuedAt)))
        {
            return verdict.Build();
        }

        CheckStatus(verdict, claims.PermitNumber, claims.CardSequence, claims.ValidUntil, claims.ExpiresAt, revocation, now);
        return verdict.Build() with { QrClaims = claims };
    }

    /// <summary>
    /// The online permit-number path: no signature to check, the live register is the authority. The caller
    /// looked the record up by a permit number the holder showed or typed.
    /// </summary>
    public static CredentialVerdict VerifyOnline(LivePermitRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        var verdict = new VerdictBuilder(
            VerificationCheck.IssuerKeyKnown, VerificationCheck.IssuerSignature, VerificationCheck.IssuerMandate, VerificationCheck.FileHashes,
            VerificationCheck.ChipSignature, VerificationCheck.ChipKeyBinding, VerificationCheck.QrFreshness);
        var formatError = PermitFormats.CheckPermitNumber(record.PermitNumber);
        if (!verdict.Check(VerificationCheck.Format, formatError is null, RefusalReason.Malformed, formatError))
        {
            return verdict.Build();
        }

        CheckStatus(verdict, record.PermitNumber, record.CardSequence, record.ValidUntil, expiresAt: null,
            new RevocationKnowledge(null, record.Status), now);
        return verdict.Build();
    }

    private static void CheckStatus(
        VerdictBuilder verdict, string permitNumber, int cardSequence, DateOnly validUntil, DateTimeOffset? expiresAt,
        RevocationKnowledge revocation, DateTimeOffset now)
    {
        // The card's valid-until (and a printed QR's vu) is the date when it was written; a yearly endorsement since
        // then is known from the signed list's validity extension (never shortens: shortening is revocation's job).
        var list = revocation.List;
        var extended = list?.ExtendedValidUntil(permitNumber, cardSequence);
        var effectiveUntil = extended is { } e && e > validUntil ? e : validUntil;
        verdict.Check(VerificationCheck.ValidityDate, ChinaDate.Of(now) <= effectiveUntil, RefusalReason.Expired,
            extended is null ? "today in China is after valid-until" : "today in China is after the extended valid-until",
            effectiveUntil > validUntil ? $"valid until extended to {effectiveUntil:yyyy-MM-dd} by the revocation list" : null);

        if (expiresAt is { } exp)
        {
            verdict.Check(VerificationCheck.QrFreshness, now <= exp, RefusalReason.Stale, "the QR code's exp has passed");
        }
        else if (!verdict.Has(VerificationCheck.QrFreshness))
        {
            verdict.Record(VerificationCheck.QrFreshness, CheckOutcome.NotApplicable, "no exp claim");
        }

        if (list is null)
        {
            verdict.Record(VerificationCheck.Revocation, CheckOutcome.NotRun, "no revocation list held");
        }
        else if (list.IsRevoked(permitNumber, cardSequence))
        {
            verdict.Check(VerificationCheck.Revocation, false, RefusalReason.Revoked, "the card is on the revocation list");
        }
        else
        {
            verdict.Check(VerificationCheck.Revocation, !list.IsSuspended(permitNumber, cardSequence), RefusalReason.Suspended,
                "the list says the permit is suspended (endorsement missed)");
        }

        switch (revocation.LiveStatus)
        {
            case null:
                verdict.Record(VerificationCheck.LiveStatus, CheckOutcome.NotApplicable, "offline");
                break;
            case LivePermitStatus.Active:
                verdict.Record(VerificationCheck.LiveStatus, CheckOutcome.Passed);
                break;
            case LivePermitStatus.Suspended:
                verdict.Check(VerificationCheck.LiveStatus, false, RefusalReason.Suspended, "the live register says suspended");
                break;
            default:
                verdict.Check(VerificationCheck.LiveStatus, false, RefusalReason.Revoked, "the live register says revoked");
                break;
        }

        // Fail closed: without current revocation data a card revoked since cannot be told from a good one, so past the
        // grace (or with nothing at all) the answer is "cannot confirm". The live register, when it answered, is current.
        if (list is null && revocation.LiveStatus is not null)
        {
            verdict.Record(VerificationCheck.RevocationDataFreshness, CheckOutcome.NotApplicable, "live status used");
        }
        else if (list is null)
        {
            verdict.Check(VerificationCheck.RevocationDataFreshness, false, RefusalReason.RevocationDataStale,
                "no revocation list held: cannot confirm the card is not revoked");
        }
        else if (list.IsStale(now) && revocation.LiveStatus is null && now > list.NextUpdate + revocation.EffectiveGrace)
        {
            verdict.Check(VerificationCheck.RevocationDataFreshness, false, RefusalReason.RevocationDataStale,
                $"the revocation list is past its nextUpdate by more than the grace ({revocation.EffectiveGrace.TotalHours:0.##} h): cannot confirm");
        }
        else if (list.IsStale(now))
        {
            verdict.Warn(VerificationCheck.RevocationDataFreshness, RefusalReasons.RevocationDataStaleWarning,
                "the revocation list is past its nextUpdate (within the grace)");
        }
        else
        {
            verdict.Record(VerificationCheck.RevocationDataFreshness, CheckOutcome.Passed);
        }
    }

    // A revoked key's signatures prove nothing (the key may be in anyone's hands), so its data is never shown as authentic.
    private static bool KeyKnown(VerdictBuilder verdict, TrustList trustList, byte[] keyId, out TrustedIssuerKey issuerKey)
    {
        if (!verdict.Check(VerificationCheck.IssuerKeyKnown, trustList.TryFind(keyId, out issuerKey), RefusalReason.UnknownKey,
            $"key id {IssuerKeyId.ToHex(keyId)} is not on the trust list"))
        {
            return false;
        }

        if (issuerKey.Status == TrustedKeyStatus.Revoked)
        {
            verdict.Record(VerificationCheck.IssuerKeyKnown, CheckOutcome.Failed, $"key id {issuerKey.KeyIdHex} is revoked on the trust list");
            verdict.Fail(RefusalReason.IssuerKeyRevoked);
            return false;
        }

        return true;
    }

    // The key signed it, but may it sign this? Region first (the stronger statement), then the key's window.
    private static bool Mandate(VerdictBuilder verdict, TrustedIssuerKey issuerKey, string permitNumber, bool signedInsideWindow)
    {
        if (!issuerKey.MayIssueFor(permitNumber))
        {
            return verdict.Check(VerificationCheck.IssuerMandate, false, RefusalReason.IssuerNotAuthorisedForRegion,
                $"key {issuerKey.KeyIdHex} may not issue for region {permitNumber[..Math.Min(6, permitNumber.Length)]}");
        }

        return verdict.Check(VerificationCheck.IssuerMandate, signedInsideWindow, RefusalReason.IssuerKeyOutsideValidity,
            $"the credential's issue date is outside key {issuerKey.KeyIdHex}'s not-before/not-after");
    }

    // chipKeyHash is EF.SIG's H3, which the file-hash check proved to be SHA-256 of the EF.CHIPKEY read.
    private static bool CheckChipKeyBinding(VerdictBuilder verdict, byte[] chipKeyHash, ICardStatusData? list, byte[]? confirmedChipKeyHash)
    {
        if (list is not null && list.IsChipAbandoned(chipKeyHash))
        {
            return verdict.Check(VerificationCheck.ChipKeyBinding, false, RefusalReason.CloneSuspected,
                "the chip key was abandoned at personalization (status list ac): these files belong to no issued card");
        }

        if (confirmedChipKeyHash is not null)
        {
            return verdict.Check(VerificationCheck.ChipKeyBinding,
                CryptographicOperations.FixedTimeEquals(chipKeyHash, confirmedChipKeyHash), RefusalReason.CloneSuspected,
                confirmedChipKeyHash.Length == 0
                    ? "the register has no confirmed chip key for this card"
                    : "the chip key is not the one recorded when this card was issued",
                "the chip key is the one recorded when this card was issued");
        }

        verdict.Record(VerificationCheck.ChipKeyBinding, list is null ? CheckOutcome.NotRun : CheckOutcome.Passed,
            list is null ? "no status list held" : "not on the status list's abandoned chip keys");
        return true;
    }

    // Hashes cover the TLV object as stored (tag through the end of its value); decode already proved each
    // file holds one well-formed object, so the lookups below cannot fail.
    private static string? CompareHashes(CardReadout files, SecurityObject sig)
    {
        if (!HashMatches(files.Permit, CardFiles.PermitTemplateTag, CardFiles.PermitMaxBytes, sig.PermitHash))
        {
            return "EF.PERMIT does not match H1";
        }

        if (!HashMatches(files.ChipKey, CardFiles.ChipKeyTemplateTag, CardFiles.ChipKeyMaxBytes, sig.ChipKeyHash))
        {
            return "EF.CHIPKEY does not match H3";
        }

        if (files.Photo is not null && !HashMatches(files.Photo, CardFiles.PhotoTag, CardFiles.PhotoMaxBytes, sig.PhotoHash))
        {
            return "EF.PHOTO does not match H2";
        }

        return null;
    }

    private static bool HashMatches(byte[] file, uint tag, int maxBytes, byte[] expected)
    {
        var stored = CardFileReading.ReadSingleObject(file, tag, maxBytes, out _)!;
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(stored.Encoded.Span), expected);
    }
}
