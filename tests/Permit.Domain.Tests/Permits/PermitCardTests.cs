using Permit.Domain.Permits;

namespace Permit.Domain.Tests.Permits;

public sealed class PermitCardTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void The_first_card_has_sequence_1_and_is_free()
    {
        var card = new PermitBuilder().Build().CurrentCard;

        Assert.Equal(1, card.Sequence);
        Assert.Equal(CardIssueReason.FirstIssue, card.Reason);
        Assert.False(card.IsChargeable);
    }

    [Fact]
    public void Exchanging_a_damaged_card_revokes_it_at_once_and_orders_sequence_2()
    {
        var permit = new PermitBuilder().Build();
        var first = permit.CurrentCard;

        var next = permit.ExchangeDamagedCard(D(2026, 1, 10));

        Assert.Equal(CardStatus.Revoked, first.Status);
        Assert.Equal(CardRevocationReason.Damaged, first.RevocationReason);
        Assert.Equal(D(2026, 1, 10), first.RevokedOn);
        Assert.Equal(2, next.Sequence);
        Assert.Equal(CardIssueReason.Exchange, next.Reason);
        Assert.Equal(CardStatus.Ordered, next.Status);
        Assert.True(next.IsChargeable);
        Assert.Same(next, permit.CurrentCard);
        Assert.Equal(PermitStatus.Active, permit.Status);
    }

    [Fact]
    public void Replacing_a_lost_card_after_an_exchange_gives_sequence_3()
    {
        var permit = new PermitBuilder().Build();
        permit.ExchangeDamagedCard(D(2026, 1, 10));
        permit.ConfirmCardIssued(PermitBuilder.SecondChip, 2, D(2026, 1, 12));

        var third = permit.ReplaceLostCard(D(2026, 3, 1));

        Assert.Equal(3, third.Sequence);
        Assert.Equal(CardIssueReason.Replacement, third.Reason);
        Assert.Equal([CardStatus.Revoked, CardStatus.Revoked, CardStatus.Ordered], permit.Cards.OrderBy(c => c.Sequence).Select(c => c.Status));
        Assert.Equal(CardRevocationReason.Lost, permit.Cards.Single(c => c.Sequence == 2).RevocationReason);
    }

    [Fact]
    public void A_card_counts_as_issued_only_once_its_personalization_is_confirmed()
    {
        var permit = new PermitBuilder().Build();
        var next = permit.ReplaceLostCard(D(2026, 3, 1));
        Assert.Null(next.IssuedOn);

        permit.ConfirmCardIssued(PermitBuilder.SecondChip, 2, D(2026, 3, 4));

        Assert.Equal(CardStatus.Issued, next.Status);
        Assert.Equal(D(2026, 3, 4), next.IssuedOn);
        DomainAssert.Breaks("card-already-issued", () => permit.ConfirmCardIssued(PermitBuilder.SecondChip, 2, D(2026, 3, 5)));
    }

    [Fact]
    public void A_revoked_card_cannot_be_confirmed()
    {
        var permit = new PermitBuilder().Build();
        permit.ReplaceLostCard(D(2026, 3, 1));

        DomainAssert.Breaks("card-not-current", () => permit.ConfirmCardIssued(PermitBuilder.FirstChip, 1, D(2026, 3, 2)));
    }

    [Fact]
    public void A_card_not_yet_issued_cannot_be_exchanged_or_replaced()
    {
        var permit = new PermitBuilder().AwaitingFirstCard().Build();

        DomainAssert.Breaks("card-not-yet-issued", () => permit.ExchangeDamagedCard(D(2025, 9, 21)));
        DomainAssert.Breaks("card-not-yet-issued", () => permit.ReplaceLostCard(D(2025, 9, 21)));
    }

    [Fact]
    public void The_card_sequence_stops_at_255_because_the_card_stores_one_byte()
    {
        var permit = new PermitBuilder().Build();
        for (var sequence = 2; sequence <= ResidencePermit.MaxCardSequence; sequence++)
        {
            permit.ReplaceLostCard(D(2026, 1, 1));
            permit.ConfirmCardIssued(PermitBuilder.SecondChip, sequence, D(2026, 1, 1));
        }

        Assert.Equal(255, permit.CurrentCard.Sequence);
        DomainAssert.Breaks("card-sequence-exhausted", () => permit.ReplaceLostCard(D(2026, 1, 2)));
    }

    [Fact]
    public void A_lower_case_serial_is_stored_upper_case() =>
        Assert.Equal(PermitBuilder.SecondChip, CardSerialNumber.Parse("8899aabbccddeeff"));

    [Fact]
    public void Card_serials_are_masked_in_text()
    {
        var serial = CardSerialNumber.FromBytes([0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77]);

        Assert.Equal("0011223344556677", serial.Value);
        Assert.Equal("************6677", serial.ToString());
        DomainAssert.Breaks("card-serial-invalid", () => CardSerialNumber.Parse("00112233"));
    }
}
