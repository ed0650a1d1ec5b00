using System.Security.Cryptography;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Credentials.Verification;

namespace Permit.Domain.Tests.Credentials.Verification;

/// <summary>Genuine files on a chip that is not the card's bound chip: abandoned at personalization, or not the confirmed one.</summary>
public class ChipKeyBindingTests
{
    private static byte[] ChipKeyHash(Examples.TestCard card) => SHA256.HashData(card.Files.ChipKey);

    private static RevocationList ListAbandoning(params byte[][] hashes) =>
        new(3, Examples.Now.AddHours(-1), Examples.Now.AddHours(24), [], [], [], hashes);

    [Fact]
    public void Files_signed_for_an_abandoned_chip_are_refused_offline_as_clone_suspected_although_the_chip_answers()
    {
        var card = Examples.Card(chip: ECDsa.Create(ECCurve.NamedCurves.nistP256));

        var verdict = CredentialVerifier.VerifyCard(card.Files, card.Authenticate(), TestKeys.TrustsIssuer(),
            new RevocationKnowledge(ListAbandoning(ChipKeyHash(card))), Examples.Now);

        Assert.Equal("clone-suspected", verdict.ReasonCode);
        Assert.Equal(CheckOutcome.Passed, verdict[VerificationCheck.ChipSignature].Outcome);
        Assert.Equal(CheckOutcome.Failed, verdict[VerificationCheck.ChipKeyBinding].Outcome);
        Assert.Null(verdict.Card);
    }

    [Fact]
    public void A_card_whose_chip_is_not_abandoned_passes_the_binding_check_offline()
    {
        var card = Examples.Card();

        var verdict = CredentialVerifier.VerifyCard(card.Files, card.Authenticate(), TestKeys.TrustsIssuer(),
            new RevocationKnowledge(ListAbandoning(SHA256.HashData("another chip"u8))), Examples.Now);

        Assert.True(verdict.Accepted);
        Assert.Equal(CheckOutcome.Passed, verdict[VerificationCheck.ChipKeyBinding].Outcome);
    }

    [Fact]
    public void Online_a_genuine_card_on_its_confirmed_chip_is_accepted()
    {
        var card = Examples.Card();

        var verdict = CredentialVerifier.VerifyCard(card.Files, card.Authenticate(), TestKeys.TrustsIssuer(),
            new RevocationKnowledge(null, LivePermitStatus.Active), Examples.Now, confirmedChipKeyHash: ChipKeyHash(card));

        Assert.True(verdict.Accepted);
    }

    [Fact]
    public void Online_a_clone_with_genuine_files_and_its_own_chip_key_is_clone_suspected()
    {
        var confirmed = Examples.Card();
        var clone = Examples.Card(chip: ECDsa.Create(ECCurve.NamedCurves.nistP256));

        var verdict = CredentialVerifier.VerifyCard(clone.Files, clone.Authenticate(), TestKeys.TrustsIssuer(),
            new RevocationKnowledge(null, LivePermitStatus.Active), Examples.Now, confirmedChipKeyHash: ChipKeyHash(confirmed));

        Assert.Equal("clone-suspected", verdict.ReasonCode);
        Assert.Equal(CheckOutcome.Failed, verdict[VerificationCheck.ChipKeyBinding].Outcome);
        Assert.Null(verdict.Card);
    }

    [Fact]
    public void Online_a_card_with_no_confirmed_chip_on_record_is_clone_suspected()
    {
        var card = Examples.Card();

        var verdict = CredentialVerifier.VerifyCard(card.Files, card.Authenticate(), TestKeys.TrustsIssuer(),
            new RevocationKnowledge(null, LivePermitStatus.Active), Examples.Now, confirmedChipKeyHash: []);

        Assert.Equal("clone-suspected", verdict.ReasonCode);
    }

    [Fact]
    public void A_qr_code_has_no_chip_so_the_binding_check_does_not_apply()
    {
        var verdict = CredentialVerifier.VerifyQr("RP1:garbage", TestKeys.TrustsIssuer(), RevocationKnowledge.None, Examples.Now);

        Assert.Equal(CheckOutcome.NotApplicable, verdict[VerificationCheck.ChipKeyBinding].Outcome);
    }
}
