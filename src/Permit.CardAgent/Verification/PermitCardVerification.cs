using Permit.CardAgent.Cards;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Credentials.Trust;
using Permit.Domain.Credentials.Verification;
using Permit.Iso7816;

namespace Permit.CardAgent.Verification;

/// <summary>What a verifier trusts: issuer keys, and the revocation knowledge it holds.</summary>
public sealed record VerifierSetup(TrustList TrustList, RevocationKnowledge Revocation);

/// <summary>
/// A permit card read and judged; <see cref="Photo"/> is the JPEG when EF.PHOTO was read and verified. <see cref="Files"/>
/// and <see cref="Chip"/> are the raw files and a challenge with the chip's answer, so a server can judge the same read
/// again (the register's card lookup): the server's challenge when one was given, else the agent's own.
/// </summary>
public sealed record PermitCardCheck(CredentialVerdict Verdict, byte[]? Photo, CardReadout Files, ChipChallengeResponse Chip);

/// <summary>
/// Tap to verdict: SELECT, EF.PERMIT, (EF.PHOTO), EF.CHIPKEY, EF.SIG, INTERNAL AUTHENTICATE with a fresh 16-byte
/// challenge, then <see cref="CredentialVerifier.VerifyCard"/> (the one verification implementation) judges.
/// Without the photo that is 8 APDUs for files under 256 bytes; one more INTERNAL AUTHENTICATE when the permit API's
/// challenge is to be answered too (never used for the agent's own verdict: a page could choose it, and a relay that
/// recorded answers could replay them).
/// </summary>
public static class PermitCardVerification
{
    public static PermitCardCheck ReadAndVerify(PermitCardSession session, VerifierSetup setup, bool withPhoto, DateTimeOffset now, byte[]? serverChallenge = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(setup);
        session.SelectApplication();
        byte[] permit, chipKey, signature;
        byte[]? photo = null;
        try
        {
            permit = session.ReadPermitFile();
            if (withPhoto)
                photo = session.ReadPhotoFile();
            chipKey = session.ReadChipKeyFile();
            signature = session.ReadSigFile();
        }
        catch (CardOperationException e) when (e.StatusWord == StatusWords.SecurityStatusNotSatisfied)
        {
            throw new CardOperationException("card-not-active",
                "This permit card was never finished: it is blank, or its personalization was interrupted.", e.StatusWord);
        }

        var challenge = ActiveAuthentication.NewChallenge();
        var response = session.InternalAuthenticate(challenge);
        var files = new CardReadout(permit, photo, chipKey, signature);
        var exchange = new ChipChallengeResponse(challenge, response);
        var verdict = CredentialVerifier.VerifyCard(files, exchange, setup.TrustList, setup.Revocation, now);
        var jpeg = photo is not null && verdict.Card is not null ? PhotoFile.Decode(photo).Value : null;
        var forServer = serverChallenge is null ? exchange : new ChipChallengeResponse(serverChallenge, session.InternalAuthenticate(serverChallenge));
        return new PermitCardCheck(verdict, jpeg, files, forServer);
    }
}
