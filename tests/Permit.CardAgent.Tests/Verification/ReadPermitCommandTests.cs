using Permit.CardAgent.Personalization;
using Permit.CardAgent.Tests.Cards;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Credentials.Signing;

namespace Permit.CardAgent.Tests.Verification;

public sealed class ReadPermitCommandTests : IDisposable
{
    private readonly TestIssuer _issuer = new();

    [Fact]
    public async Task A_copy_of_a_genuine_cards_files_on_another_card_fails_the_chip_signature_as_clone_suspected()
    {
        var original = new InProcessReader(PersonalizeCommandTests.BlankCard());
        Personalize(original);
        var files = ReadFiles(original);
        var clone = new InProcessReader(PersonalizeCommandTests.BlankCard());
        WriteAndActivate(clone, files.Permit, files.Photo, files.ChipKey, files.Sig, keepGeneratedKey: false);

        var read = await ReadAsync(clone);

        Assert.Equal(ExitCodes.NotGenuine, read.ExitCode);
        Assert.Equal("clone-suspected", read.Json.GetProperty("reason").GetString());
        Assert.Equal("passed", PersonalizeCommandTests.Check(read.Json, "issuer-signature"));
        Assert.Equal("failed", PersonalizeCommandTests.Check(read.Json, "chip-signature"));
    }

    [Fact]
    public async Task An_altered_permit_file_fails_the_issuer_signature()
    {
        var reader = new InProcessReader(PersonalizeCommandTests.BlankCard());
        var permit = PermitFile.Encode(TestIssuer.SamplePermit);
        var altered = PermitFile.Encode(TestIssuer.SamplePermit with { ValidUntil = new DateOnly(2099, 12, 31) });
        WriteAndActivate(reader, altered, TestIssuer.PhotoFileBytes, chipKey: null, sig: null, keepGeneratedKey: true, signedPermit: permit);

        var read = await ReadAsync(reader);

        Assert.Equal(ExitCodes.NotGenuine, read.ExitCode);
        Assert.Equal("bad-signature", read.Json.GetProperty("reason").GetString());
        Assert.Equal("failed", PersonalizeCommandTests.Check(read.Json, "file-hashes"));
        Assert.False(read.Json.TryGetProperty("permit", out _));
    }

    [Fact]
    public async Task Without_the_photo_a_verified_read_takes_at_most_ten_APDUs_and_never_reads_EF_PHOTO()
    {
        var reader = new InProcessReader(PersonalizeCommandTests.BlankCard());
        Personalize(reader);

        var read = await ReadAsync(reader);

        Assert.Equal(ExitCodes.Ok, read.ExitCode);
        Assert.InRange(read.Json.GetProperty("figures").GetProperty("apdus").GetInt32(), 1, 10);
        Assert.Equal("passed", PersonalizeCommandTests.Check(read.Json, "file-hashes"));
        Assert.False(read.Json.GetProperty("photoRead").GetBoolean());
    }

    [Fact]
    public async Task An_id_card_in_the_permit_reader_is_refused_as_not_a_permit_card()
    {
        var terminals = new InProcessTerminals(permitReader: new InProcessReader(IdCardSessionTests.SampleIdCard()));

        var read = await Agent.RunAsync(terminals, "read-permit", "--trust", _issuer.PublicKeyPath, "--revocation", _issuer.RevocationPath, "--json");

        Assert.Equal(ExitCodes.WrongCard, read.ExitCode);
        Assert.Equal("not-a-permit-card", read.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_blank_card_is_refused_as_never_finished()
    {
        var terminals = new InProcessTerminals(permitReader: new InProcessReader(PersonalizeCommandTests.BlankCard()));

        var read = await Agent.RunAsync(terminals, "read-permit", "--trust", _issuer.PublicKeyPath, "--revocation", _issuer.RevocationPath, "--json");

        Assert.Equal(ExitCodes.CardRefused, read.ExitCode);
        Assert.Equal("card-not-active", read.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_card_signed_by_an_issuer_that_is_not_trusted_is_refused_as_unknown_key()
    {
        var reader = new InProcessReader(PersonalizeCommandTests.BlankCard());
        Personalize(reader);
        using var other = new TestIssuer();

        var read = await Agent.RunAsync(new InProcessTerminals(permitReader: reader), "read-permit", "--trust", other.PublicKeyPath, "--json");

        Assert.Equal(ExitCodes.NotGenuine, read.ExitCode);
        Assert.Equal("unknown-key", read.Json.GetProperty("reason").GetString());
    }

    public void Dispose() => _issuer.Dispose();

    private Task<AgentRun> ReadAsync(InProcessReader reader) =>
        Agent.RunAsync(new InProcessTerminals(permitReader: reader), "read-permit", "--trust", _issuer.PublicKeyPath, "--revocation", _issuer.RevocationPath, "--json");

    private void Personalize(InProcessReader reader)
    {
        using var key = KeyFiles.LoadIssuerPrivateKey(_issuer.PrivateKeyPath);
        Personalizer.Personalize(new PermitCardSession(reader.Connect()), new PersonalizationInput(
            TestIssuer.SamplePermit, TestIssuer.PhotoFileBytes, new EcdsaIssuerSigner(key), PersonalizationInput.DefaultTransportCode));
    }

    private static (byte[] Permit, byte[] Photo, byte[] ChipKey, byte[] Sig) ReadFiles(InProcessReader reader)
    {
        var session = new PermitCardSession(reader.Connect());
        session.SelectApplication();
        return (session.ReadPermitFile(), session.ReadPhotoFile(), session.ReadChipKeyFile(), session.ReadSigFile());
    }

    /// <summary>Personalizes by hand, the way a forger would: whatever files, then ACTIVATE.</summary>
    private void WriteAndActivate(InProcessReader reader, byte[] permit, byte[] photo, byte[]? chipKey, byte[]? sig, bool keepGeneratedKey, byte[]? signedPermit = null)
    {
        var session = new PermitCardSession(reader.Connect());
        session.SelectApplication();
        session.VerifyTransportCode(PersonalizationInput.DefaultTransportCode);
        var generated = session.GenerateKeyPair();
        if (!keepGeneratedKey && chipKey is not null)
            session.WriteFile(CardApplications.EfChipKey, chipKey);
        session.WriteFile(CardApplications.EfPermit, permit);
        session.WriteFile(CardApplications.EfPhoto, photo);
        if (sig is null)
        {
            using var key = KeyFiles.LoadIssuerPrivateKey(_issuer.PrivateKeyPath);
            sig = SecurityObject.Sign(signedPermit ?? permit, photo, generated, new EcdsaIssuerSigner(key)).Encode();
        }

        session.WriteFile(CardApplications.EfSig, sig);
        session.Activate();
    }
}
