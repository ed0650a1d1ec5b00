using Permit.CardAgent.Cards;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Credentials.Signing;

namespace Permit.CardAgent.Personalization;

/// <summary>What to write on a blank card. <see cref="PhotoFile"/> is the whole EF.PHOTO object (<c>5F 2E ...</c>).</summary>
public sealed record PersonalizationInput(PermitCardData Permit, byte[] PhotoFile, IIssuerSigner Signer, byte[] TransportCode)
{
    /// <summary>The manufacturer's default transport code, ASCII <c>12345678</c> (what permit-sim gives a new card).</summary>
    public static byte[] DefaultTransportCode => "12345678"u8.ToArray();
}

/// <summary>A card that took its data and was activated.</summary>
/// <param name="CardSerial">The card's serial (GET DATA), for the issuing record; never printed or logged.</param>
public sealed record PersonalizedCard(string PermitNumber, int CardSequence, string IssuerKeyId, byte[] CardSerial);

/// <summary>
/// The personalization sequence of docs/permit-card.md: SELECT → GET DATA serial → VERIFY → GENERATE KEY PAIR →
/// UPDATE EF.PERMIT, EF.PHOTO → EF.SIG signed over the three files → UPDATE EF.SIG → read every file back and
/// compare → ACTIVATE. ACTIVATE is the last command: any failure before it leaves the card un-activated, and since
/// the verified transport code does not survive a reset or removal, the card is simply BLANK again for a retry.
/// </summary>
public static class Personalizer
{
    public static PersonalizedCard Personalize(PermitCardSession session, PersonalizationInput input)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(input);
        var permitFile = PermitFile.Encode(input.Permit);

        session.SelectApplication();
        var serial = session.ReadSerial();
        session.VerifyTransportCode(input.TransportCode);
        var chipKeyFile = session.GenerateKeyPair();
        if (!ChipKeyFile.Decode(chipKeyFile).IsValid)
        {
            throw new CardOperationException("chip-key-invalid",
                "The card answered GENERATE KEY PAIR with something that is not a P-256 public key; the card was not activated.");
        }

        session.WriteFile(CardApplications.EfPermit, permitFile);
        session.WriteFile(CardApplications.EfPhoto, input.PhotoFile);
        var signatureFile = SecurityObject.Sign(permitFile, input.PhotoFile, chipKeyFile, input.Signer).Encode();
        session.WriteFile(CardApplications.EfSig, signatureFile);

        RequireSame("EF.PERMIT", permitFile, session.ReadPermitFile());
        RequireSame("EF.PHOTO", input.PhotoFile, session.ReadPhotoFile());
        RequireSame("EF.CHIPKEY", chipKeyFile, session.ReadChipKeyFile());
        RequireSame("EF.SIG", signatureFile, session.ReadSigFile());

        session.Activate();
        return new PersonalizedCard(input.Permit.PermitNumber, input.Permit.CardSequence, IssuerKeyId.ToHex(input.Signer.KeyId.Span), serial);
    }

    private static void RequireSame(string file, byte[] written, byte[] readBack)
    {
        if (!written.AsSpan().SequenceEqual(readBack))
        {
            throw new CardOperationException("readback-mismatch",
                $"{file} reads back differently from what was written; the card was not activated. Try again, or use another card.");
        }
    }
}
