using Permit.Domain.Credentials;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Credentials.Verification;

namespace Permit.Domain.Tests.Credentials.Verification;

public class CardVerificationTests
{
    private static readonly RevocationList EmptyList = new(1, Examples.Now.AddDays(-1), Examples.Now.AddDays(6), []);

    private static CredentialVerdict Verify(
        CardReadout files, ChipChallengeResponse aa, RevocationList? list = null, DateTimeOffset? now = null, LivePermitStatus? live = null) =>
        CredentialVerifier.VerifyCard(files, aa, TestKeys.TrustsIssuer(), new RevocationKnowledge(list ?? EmptyList, live), now ?? Examples.Now);

    [Fact]
    public void A_genuine_card_is_accepted_with_every_check_named()
    {
        var card = Examples.Card();

        var verdict = Verify(card.Files, card.Authenticate());

        Assert.True(verdict.Accepted);
        Assert.Null(verdict.ReasonCode);
        Assert.Equal(Examples.Permit, verdict.Card);
        Assert.Equal(Enum.GetValues<VerificationCheck>(), verdict.Checks.Select(c => c.Check));
        Assert.All(
            [VerificationCheck.Format, VerificationCheck.IssuerKeyKnown, VerificationCheck.IssuerSignature, VerificationCheck.FileHashes,
             VerificationCheck.ChipSignature, VerificationCheck.ValidityDate, VerificationCheck.Revocation, VerificationCheck.RevocationDataFreshness],
            check => Assert.Equal(CheckOutcome.Passed, verdict[check].Outcome));
        Assert.Equal(CheckOutcome.NotApplicable, verdict[VerificationCheck.QrFreshness].Outcome);
        Assert.Empty(verdict.Warnings);
    }

    [Fact]
    public void A_card_read_without_its_photo_is_accepted_and_says_the_photo_hash_was_not_checked()
    {
        var card = Examples.Card();

        var verdict = Verify(card.Files with { Photo = null }, card.Authenticate());

        Assert.True(verdict.Accepted);
        Assert.Contains("EF.PHOTO not read", verdict[VerificationCheck.FileHashes].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_with_trailing_padding_from_a_block_read_are_accepted()
    {
        var card = Examples.Card();
        var padded = card.Files with { Permit = [.. card.Files.Permit, .. new byte[40]] };

        Assert.True(Verify(padded, card.Authenticate()).Accepted);
    }

    [Fact]
    public void A_garbled_file_is_refused_as_malformed_and_nothing_else_is_checked()
    {
        var card = Examples.Card();

        var verdict = Verify(card.Files with { Signature = card.Files.Signature[..50] }, card.Authenticate());

        Assert.Equal("malformed", verdict.ReasonCode);
        Assert.Equal(CheckOutcome.Failed, verdict[VerificationCheck.Format].Outcome);
        Assert.Equal(CheckOutcome.NotRun, verdict[VerificationCheck.IssuerSignature].Outcome);
        Assert.Null(verdict.Card);
    }

    [Fact]
    public void A_card_signed_by_another_issuer_is_refused_as_unknown_key()
    {
        var card = Examples.Card(issuer: TestKeys.OtherIssuer);

        var verdict = Verify(card.Files, card.Authenticate());

        Assert.Equal("unknown-key", verdict.ReasonCode);
    }

    [Fact]
    public void An_altered_EF_PERMIT_is_refused_as_bad_signature_by_its_hash()
    {
        var card = Examples.Card();
        var forged = PermitFile.Encode(Examples.Permit with { ValidUntil = new DateOnly(2040, 1, 1) });

        var verdict = Verify(card.Files with { Permit = forged }, card.Authenticate());

        Assert.Equal("bad-signature", verdict.ReasonCode);
        Assert.Equal(CheckOutcome.Passed, verdict[VerificationCheck.IssuerSignature].Outcome);
        Assert.Equal(CheckOutcome.Failed, verdict[VerificationCheck.FileHashes].Outcome);
        Assert.Null(verdict.Card);
    }

    [Fact]
    public void A_swapped_photo_is_refused_as_bad_signature_when_the_photo_is_read()
    {
        var card = Examples.Card();

        var verdict = Verify(card.Files with { Photo = PhotoFile.Encode([0xFF, 0xD8, 0x00, 0xFF, 0xD9]) }, card.Authenticate());

        Assert.Equal("bad-signature", verdict.ReasonCode);
        Assert.Contains("EF.PHOTO", verdict[VerificationCheck.FileHashes].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tampered_signature_is_refused_as_bad_signature()
    {
        var card = Examples.Card();
        var sig = (byte[])card.Files.Signature.Clone();
        sig[^1] ^= 0x01;

        var verdict = Verify(card.Files with { Signature = sig }, card.Authenticate());

        Assert.Equal("bad-signature", verdict.ReasonCode);
        Assert.Equal(CheckOutcome.Failed, verdict[VerificationCheck.IssuerSignature].Outcome);
    }

    [Fact]
    public void A_cloned_card_with_copied_files_but_another_chip_is_refused_as_clone_suspected()
    {
        var original = Examples.Card();
        using var cloneChip = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var challenge = ActiveAuthentication.NewChallenge();

        var verdict = Verify(original.Files, new ChipChallengeResponse(challenge, ActiveAuthentication.Sign(cloneChip, challenge)));

        Assert.Equal("clone-suspected", verdict.ReasonCode);
        Assert.Equal(CheckOutcome.Passed, verdict[VerificationCheck.FileHashes].Outcome);
        Assert.Equal(CheckOutcome.Failed, verdict[VerificationCheck.ChipSignature].Outcome);
    }

    [Fact]
    public void A_clone_that_writes_its_own_chip_key_is_refused_as_bad_signature()
    {
        var original = Examples.Card();
        using var cloneChip = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var clone = new Examples.TestCard(original.Files with { ChipKey = ChipKeyFile.Encode(cloneChip) }, cloneChip);

        Assert.Equal("bad-signature", Verify(clone.Files, clone.Authenticate()).ReasonCode);
    }

    [Fact]
    public void A_replayed_answer_to_another_challenge_is_refused_as_clone_suspected()
    {
        var card = Examples.Card();
        var earlier = card.Authenticate();

        var verdict = Verify(card.Files, earlier with { Challenge = ActiveAuthentication.NewChallenge() });

        Assert.Equal("clone-suspected", verdict.ReasonCode);
    }

    [Fact]
    public void A_card_is_valid_through_its_valid_until_day_in_China_and_expired_the_next()
    {
        var card = Examples.Card();
        var lastMomentInChina = new DateTimeOffset(2031, 1, 14, 15, 59, 59, TimeSpan.Zero);   // 23:59:59 UTC+8

        var current = new RevocationList(9, lastMomentInChina.AddDays(-1), lastMomentInChina.AddDays(1), []);
        Assert.True(Verify(card.Files, card.Authenticate(), current, now: lastMomentInChina).Accepted);
        var verdict = Verify(card.Files, card.Authenticate(), current, now: lastMomentInChina.AddSeconds(1));

        Assert.Equal("expired", verdict.ReasonCode);
        Assert.Equal(Examples.Permit, verdict.Card);
    }

    [Fact]
    public void A_revoked_card_sequence_is_refused_but_the_reissued_card_is_not()
    {
        var list = new RevocationList(2, Examples.Now.AddDays(-1), Examples.Now.AddDays(6), [new RevokedCard(Examples.Permit.PermitNumber, 1)]);
        var oldCard = Examples.Card();
        var newCard = Examples.Card(Examples.Permit with { CardSequence = 2 });

        Assert.Equal("revoked", Verify(oldCard.Files, oldCard.Authenticate(), list).ReasonCode);
        Assert.True(Verify(newCard.Files, newCard.Authenticate(), list).Accepted);
    }

    [Fact]
    public void Revoked_outranks_expired_when_both_hold()
    {
        var list = new RevocationList(2, Examples.Now, Examples.Now.AddYears(10), [new RevokedCard(Examples.Permit.PermitNumber, 1)]);
        var card = Examples.Card();

        var verdict = Verify(card.Files, card.Authenticate(), list, now: new DateTimeOffset(2032, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal("revoked", verdict.ReasonCode);
        Assert.Equal(CheckOutcome.Failed, verdict[VerificationCheck.ValidityDate].Outcome);
    }

    [Fact]
    public void A_suspended_permit_in_the_live_register_is_refused_as_suspended()
    {
        var card = Examples.Card();

        var verdict = Verify(card.Files, card.Authenticate(), live: LivePermitStatus.Suspended);

        Assert.Equal("suspended", verdict.ReasonCode);
    }

    [Fact]
    public void A_revocation_list_past_its_next_update_but_within_the_grace_gives_a_warning_not_a_refusal()
    {
        var staleList = new RevocationList(1, Examples.Now.AddDays(-10), Examples.Now.AddHours(-23), []);
        var card = Examples.Card();

        var verdict = Verify(card.Files, card.Authenticate(), staleList);

        Assert.True(verdict.Accepted);
        Assert.Equal(["revocation-data-stale"], verdict.Warnings);
        Assert.Equal(CheckOutcome.Warning, verdict[VerificationCheck.RevocationDataFreshness].Outcome);
    }

    [Fact]
    public void A_revocation_list_past_the_grace_makes_the_card_not_confirmable_though_its_data_is_shown()
    {
        var staleList = new RevocationList(1, Examples.Now.AddDays(-10), Examples.Now.AddHours(-25), []);
        var card = Examples.Card();

        var verdict = Verify(card.Files, card.Authenticate(), staleList);

        Assert.False(verdict.Accepted);
        Assert.Equal("revocation-data-stale", verdict.ReasonCode);
        Assert.Equal(CheckOutcome.Failed, verdict[VerificationCheck.RevocationDataFreshness].Outcome);
        Assert.Equal(Examples.Permit, verdict.Card);
    }

    [Fact]
    public void The_grace_is_configurable()
    {
        var staleList = new RevocationList(1, Examples.Now.AddDays(-10), Examples.Now.AddHours(-2), []);
        var card = Examples.Card();

        var verdict = CredentialVerifier.VerifyCard(card.Files, card.Authenticate(), TestKeys.TrustsIssuer(),
            new RevocationKnowledge(staleList, Grace: TimeSpan.FromHours(1)), Examples.Now);

        Assert.Equal("revocation-data-stale", verdict.ReasonCode);
    }

    [Fact]
    public void A_revoked_card_on_a_list_past_the_grace_is_still_refused_as_revoked()
    {
        var staleList = new RevocationList(1, Examples.Now.AddDays(-10), Examples.Now.AddDays(-5), [new RevokedCard(Examples.Permit.PermitNumber, 1)]);
        var card = Examples.Card();

        Assert.Equal("revoked", Verify(card.Files, card.Authenticate(), staleList).ReasonCode);
    }

    [Fact]
    public void No_revocation_list_at_all_cannot_confirm_the_card()
    {
        var card = Examples.Card();

        var verdict = CredentialVerifier.VerifyCard(card.Files, card.Authenticate(), TestKeys.TrustsIssuer(), RevocationKnowledge.None, Examples.Now);

        Assert.False(verdict.Accepted);
        Assert.Equal(RefusalReasons.RevocationDataStaleWarning, verdict.ReasonCode);
        Assert.Equal(CheckOutcome.NotRun, verdict[VerificationCheck.Revocation].Outcome);
    }

    [Fact]
    public void With_the_live_register_and_no_list_the_card_is_confirmed_by_the_register()
    {
        var card = Examples.Card();

        var verdict = CredentialVerifier.VerifyCard(card.Files, card.Authenticate(), TestKeys.TrustsIssuer(),
            new RevocationKnowledge(null, LivePermitStatus.Active), Examples.Now);

        Assert.True(verdict.Accepted);
    }

    [Fact]
    public void A_card_with_an_unsupported_signature_algorithm_is_malformed()
    {
        var card = Examples.Card();
        var sig = SecurityObject.Decode(card.Files.Signature).Value! with { Algorithm = 0x02 };

        Assert.Equal("malformed", Verify(card.Files with { Signature = sig.Encode() }, card.Authenticate()).ReasonCode);
    }
}
