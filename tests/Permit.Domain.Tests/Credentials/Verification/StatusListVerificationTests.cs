using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Credentials.Verification;

namespace Permit.Domain.Tests.Credentials.Verification;

/// <summary>
/// The list's suspensions and validity extensions apply to cards and QR codes alike: an endorsed permit's old card
/// stays valid past the date written on it, a suspended permit is refused offline as suspended.
/// </summary>
public class StatusListVerificationTests
{
    // Examples.Permit is valid until 2031-01-14 (China); the day after, in China.
    private static readonly DateTimeOffset DayAfterValidUntil = new(2031, 1, 15, 4, 0, 0, TimeSpan.Zero);

    private static RevocationList List(DateTimeOffset now, IEnumerable<RevokedCard>? suspended = null, IEnumerable<ValidityExtension>? extensions = null) =>
        new(3, now.AddDays(-1), now.AddDays(6), [], suspended ?? [], extensions ?? []);

    private static CredentialVerdict VerifyCard(RevocationList list, DateTimeOffset now, int sequence = 1)
    {
        var card = Examples.Card(Examples.Permit with { CardSequence = sequence });
        return CredentialVerifier.VerifyCard(card.Files, card.Authenticate(), TestKeys.TrustsIssuer(), new RevocationKnowledge(list), now);
    }

    private static CredentialVerdict VerifyQr(RevocationList list, DateTimeOffset now) =>
        CredentialVerifier.VerifyQr(
            Domain.Credentials.Qr.QrCredential.Issue(Domain.Credentials.Qr.QrClaims.ForPermit(Examples.Permit, Examples.Now), TestKeys.Issuer),
            TestKeys.TrustsIssuer(), new RevocationKnowledge(list), now);

    [Fact]
    public void An_endorsed_card_and_its_printed_QR_stay_valid_past_the_date_written_on_them()
    {
        var list = List(DayAfterValidUntil, extensions: [new ValidityExtension(Examples.Permit.PermitNumber, 1, new DateOnly(2032, 1, 14))]);

        var card = VerifyCard(list, DayAfterValidUntil);
        var qr = VerifyQr(list, DayAfterValidUntil);

        Assert.True(card.Accepted);
        Assert.True(qr.Accepted);
        Assert.Contains("2032-01-14", card[VerificationCheck.ValidityDate].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extension_counts_only_for_the_card_sequence_it_names()
    {
        var list = List(DayAfterValidUntil, extensions: [new ValidityExtension(Examples.Permit.PermitNumber, 2, new DateOnly(2032, 1, 14))]);

        Assert.Equal("expired", VerifyCard(list, DayAfterValidUntil).ReasonCode);
    }

    [Fact]
    public void An_extension_to_an_earlier_date_never_shortens_validity()
    {
        var list = List(Examples.Now, extensions: [new ValidityExtension(Examples.Permit.PermitNumber, 1, new DateOnly(2020, 1, 1))]);

        Assert.True(VerifyCard(list, Examples.Now).Accepted);
    }

    [Fact]
    public void A_card_and_a_QR_of_a_suspended_permit_are_refused_offline_as_suspended()
    {
        var list = List(Examples.Now, suspended: [new RevokedCard(Examples.Permit.PermitNumber, 1)]);

        Assert.Equal("suspended", VerifyCard(list, Examples.Now).ReasonCode);
        Assert.Equal("suspended", VerifyQr(list, Examples.Now).ReasonCode);
        Assert.Equal(CheckOutcome.Failed, VerifyCard(list, Examples.Now)[VerificationCheck.Revocation].Outcome);
    }

    [Fact]
    public void Suspensions_and_extensions_survive_signing_and_reading_back()
    {
        var list = List(Examples.Now,
            suspended: [new RevokedCard("330211202600000023", 1)],
            extensions: [new ValidityExtension(Examples.Permit.PermitNumber, 1, new DateOnly(2032, 1, 14))]);

        var read = RevocationListCodec.Read(RevocationListCodec.Sign(list, TestKeys.Issuer), TestKeys.TrustsIssuer()).List!;

        Assert.True(read.IsSuspended("330211202600000023", 1));
        Assert.Equal(new DateOnly(2032, 1, 14), read.ExtendedValidUntil(Examples.Permit.PermitNumber, 1));
        Assert.Null(read.ExtendedValidUntil(Examples.Permit.PermitNumber, 2));
    }

    [Fact]
    public void Two_extensions_for_one_card_are_refused_when_building_a_list() =>
        Assert.Throws<ArgumentException>(() => List(Examples.Now, extensions:
        [
            new ValidityExtension(Examples.Permit.PermitNumber, 1, new DateOnly(2032, 1, 14)),
            new ValidityExtension(Examples.Permit.PermitNumber, 1, new DateOnly(2033, 1, 14)),
        ]));
}
