using Permit.CardAgent.Personalization;
using Permit.CardAgent.Terminals;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Credentials.Signing;

namespace Permit.CardAgent.Tests.EndToEnd;

/// <summary>
/// The 12 KB photo read through the real pcscd and vpcd: pcsc-lite's vpcd driver carries extended APDUs (its frames
/// have 2-byte lengths), so a card that announces them gives its photo in two READ BINARYs instead of about 48.
/// </summary>
[Collection(PrivatePcscd.Name)]
public sealed class PhotoOverPcscdTests(PcscRigFixture fixture) : IDisposable
{
    private const int ReadWithoutPhotoApdus = 8;

    private readonly TestIssuer _issuer = new();
    private readonly PcscTerminals _terminals = new();

    [Theory]
    // SELECT EF.PHOTO, then a 256-byte read for the header and one extended read (or 48 more short reads) for the rest.
    [InlineData(true, 3)]
    [InlineData(false, 50)]
    public async Task A_12_KB_photo_reads_genuine_through_pcscd_in_as_few_APDUs_as_the_card_allows(bool extendedLength, int photoApdus)
    {
        var rig = fixture.Rig;
        byte[] jpeg = [0xFF, 0xD8, .. Enumerable.Range(0, 12 * 1024 - 4).Select(i => (byte)(i * 13)), 0xFF, 0xD9];
        var card = PersonalizeCommandTests.BlankCard();
        card.ExtendedLength = extendedLength;
        using (var key = KeyFiles.LoadIssuerPrivateKey(_issuer.PrivateKeyPath))
        {
            Personalizer.Personalize(new PermitCardSession(new InProcessReader(card).Connect()), new PersonalizationInput(
                TestIssuer.SamplePermit, PhotoFile.Encode(jpeg), new EcdsaIssuerSigner(key), PersonalizationInput.DefaultTransportCode));
        }

        await using var slot = await CardInSlot.InsertAsync(card, rig.VpcdPort(1), rig.ReaderName(1));
        var photoOut = _issuer.PathOf("photo-out.jpg");

        var read = await Agent.RunAsync(_terminals, "read-permit", "--trust", _issuer.PublicKeyPath, "--revocation", _issuer.RevocationPath,
            "--json", "--photo-out", photoOut, "--reader", rig.ReaderName(1));

        Assert.True(read.ExitCode == ExitCodes.Ok, read.ToString());
        Assert.Equal("passed", PersonalizeCommandTests.Check(read.Json, "file-hashes"));
        Assert.Equal(jpeg, File.ReadAllBytes(photoOut));
        Assert.Equal(ReadWithoutPhotoApdus + photoApdus, read.Json.GetProperty("figures").GetProperty("apdus").GetInt32());
    }

    public void Dispose()
    {
        _terminals.Dispose();
        _issuer.Dispose();
    }
}
