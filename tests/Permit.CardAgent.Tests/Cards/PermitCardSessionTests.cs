using System.Security.Cryptography;

namespace Permit.CardAgent.Tests.Cards;

public class PermitCardSessionTests
{
    private static readonly byte[] TransportCode = "12345678"u8.ToArray();

    [Fact]
    public void A_personalized_card_reads_back_every_file_as_written_and_signs_challenges_with_its_chip_key()
    {
        var reader = new InProcessReader(PermitCard.CreateBlank(PermitCard.NewSerial(), TransportCode));
        var session = new PermitCardSession(reader.Connect());
        byte[] permit = [0x70, 0x03, 0x80, 0x01, 0x01];
        byte[] photo = [0x5F, 0x2E, .. Length(600), .. new byte[600]];
        byte[] sig = [0x77, 0x02, 0x90, 0x00];

        session.SelectApplication();
        session.VerifyTransportCode(TransportCode);
        var chipKey = session.GenerateKeyPair();
        session.WriteFile(CardApplications.EfPermit, permit);
        session.WriteFile(CardApplications.EfPhoto, photo);
        session.WriteFile(CardApplications.EfSig, sig);
        session.Activate();

        Assert.Equal(permit, session.ReadPermitFile());
        Assert.Equal(photo, session.ReadPhotoFile());
        Assert.Equal(chipKey, session.ReadChipKeyFile());
        Assert.Equal(sig, session.ReadSigFile());
        var challenge = PermitCardSession.NewChallenge();
        var signature = session.InternalAuthenticate(challenge);
        using var key = ChipKeyOf(chipKey);
        byte[] signed = [.. "PERMIT-AA1"u8, .. challenge];
        Assert.True(key.VerifyData(signed, signature, HashAlgorithmName.SHA256));
    }

    [Fact]
    public void Reading_a_small_file_costs_one_read_binary()
    {
        var reader = new InProcessReader(PermitCard.CreateBlank(PermitCard.NewSerial(), TransportCode));
        var setup = new PermitCardSession(reader.Connect());
        setup.SelectApplication();
        setup.VerifyTransportCode(TransportCode);
        setup.WriteFile(CardApplications.EfPermit, [0x70, 0x81, 0xC8, .. new byte[200]]);
        var counting = new CountingChannel(reader.Connect());
        var session = new PermitCardSession(counting);
        session.SelectApplication();
        session.VerifyTransportCode(TransportCode);
        var before = counting.ApduCount;

        var permit = session.ReadPermitFile();

        Assert.Equal(203, permit.Length);
        Assert.Equal(2, counting.ApduCount - before); // SELECT EF + one READ BINARY
    }

    [Fact]
    public void A_wrong_transport_code_says_how_many_tries_are_left_and_then_that_the_card_is_blocked()
    {
        var reader = new InProcessReader(PermitCard.CreateBlank(PermitCard.NewSerial(), TransportCode));
        var session = new PermitCardSession(reader.Connect());
        session.SelectApplication();

        var first = Assert.Throws<CardOperationException>(() => session.VerifyTransportCode("00000000"u8));
        Assert.Throws<CardOperationException>(() => session.VerifyTransportCode("00000000"u8));
        Assert.Throws<CardOperationException>(() => session.VerifyTransportCode("00000000"u8));
        var blocked = Assert.Throws<CardOperationException>(() => session.VerifyTransportCode(TransportCode));

        Assert.Equal(("transport-code-wrong", 2), (first.Code, first.TriesLeft));
        Assert.Equal("transport-code-blocked", blocked.Code);
    }

    [Fact]
    public void An_id_card_is_not_a_permit_card()
    {
        var reader = new InProcessReader(IdCardSessionTests.SampleIdCard());
        var session = new PermitCardSession(reader.Connect());

        var refused = Assert.Throws<CardOperationException>(session.SelectApplication);

        Assert.Equal("not-a-permit-card", refused.Code);
        Assert.Equal(0x6A82, refused.StatusWord);
    }

    [Fact]
    public void A_blank_card_cannot_authenticate()
    {
        var reader = new InProcessReader(PermitCard.CreateBlank(PermitCard.NewSerial(), TransportCode));
        var session = new PermitCardSession(reader.Connect());
        session.SelectApplication();

        var refused = Assert.Throws<CardOperationException>(() => session.InternalAuthenticate(PermitCardSession.NewChallenge()));

        Assert.Equal("card-not-active", refused.Code);
    }

    private static byte[] Length(int length) => length < 0x80 ? [(byte)length]
        : length < 0x100 ? [0x81, (byte)length] : [0x82, (byte)(length >> 8), (byte)length];

    private static ECDsa ChipKeyOf(byte[] chipKeyFile)
    {
        // 7F49 L { 86 41 04 X Y }: the point is the last 65 bytes.
        var point = chipKeyFile.AsSpan(chipKeyFile.Length - 65);
        Assert.Equal(0x04, point[0]);
        return ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = point[1..33].ToArray(), Y = point[33..].ToArray() },
        });
    }
}
