using System.Security.Cryptography;
using Permit.Api.Keys;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Credentials.Signing;

namespace Permit.Api.Tests.Features.Personalization;

public sealed class PersonalizationTests
{
    private const string Serial = "A1B2C3D4E5F60718";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_agent_gets_card_files_with_the_holders_photo_signed_by_the_active_issuer_key_for_its_own_chip_key()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var (residentId, _, applicationId) = (await PermitArrange.ApprovedApplicationsAsync(host, 1))[0];
        await Photos.PhotoTests.TakenAsync(officer, residentId);
        var number = await PermitArrange.IssueAsync(officer, applicationId);
        using var chip = new CardHandshake(Serial);

        var files = await chip.RequestFilesAsync(officer, number, 1);

        Assert.Equal(number, files.Permit.PermitNumber);
        Assert.Equal(PermitArrange.IdNumber(0), files.Permit.IdNumber);
        Assert.Equal("330211", files.Permit.ResidenceRegion);
        Assert.Equal(1, files.Permit.CardSequence);
        var photoFile = Convert.FromBase64String(files.PhotoFile);
        Assert.Equal([0x5F, 0x2E, 0x82], photoFile[..3]);
        var jpeg = PhotoFile.Decode(photoFile).Value!;
        Assert.Equal(photoFile.Length - 5, (photoFile[3] << 8) | photoFile[4]);
        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
        Assert.InRange(jpeg.Length, 1000, 12 * 1024);
        Assert.Equal((358, 441), Photos.TestPictures.SizeOf(jpeg));
        Assert.Equal(chip.ChipKeyFile, Convert.FromBase64String(files.ChipKeyFile));
        var security = SecurityObject.Decode(Convert.FromBase64String(files.SignatureFile)).Value!;
        Assert.Equal(SHA256.HashData(chip.ChipKeyFile), security.ChipKeyHash);
        Assert.Equal(SHA256.HashData(Convert.FromBase64String(files.PermitFile)), security.PermitHash);
        Assert.Equal(SHA256.HashData(photoFile), security.PhotoHash);
        var ring = host.Services.GetRequiredService<IssuerKeyRing>();
        Assert.Equal(ring.Active.KeyId, files.KeyId);
        Assert.True(ring.Active.PrivateKey.VerifyData(
            security.SignedContent(), security.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        Assert.Equal(ring.Active.KeyId, IssuerKeyId.ToHex(security.KeyId));
    }

    [Fact]
    public async Task A_holder_without_a_photo_gets_the_empty_photo_object()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var number = await IssueAsync(host, officer);
        using var chip = new CardHandshake(Serial);

        var files = await chip.RequestFilesAsync(officer, number, 1);

        Assert.Equal([0x5F, 0x2E, 0x00], Convert.FromBase64String(files.PhotoFile));
    }

    [Fact]
    public async Task Confirming_with_the_hashes_read_back_issues_the_card_and_activates_the_permit_and_a_repeat_answers_the_same()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var number = await IssueAsync(host, officer);
        using var chip = new CardHandshake(Serial);
        var files = await chip.RequestFilesAsync(officer, number, 1);

        using var confirmed = await officer.PostAsJsonAsync(CardHandshake.Route(number, 1, "confirmation"), await chip.ConfirmationAsync(officer, files), Ct);
        using var repeated = await officer.PostAsJsonAsync(CardHandshake.Route(number, 1, "confirmation"), await chip.ConfirmationAsync(officer, files), Ct);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(await confirmed.Content.ReadAsStringAsync(Ct), await repeated.Content.ReadAsStringAsync(Ct));
        var permit = await officer.GetFromJsonAsync<PermitView>($"/api/permits/{number}", Ct);
        Assert.Equal("Active", permit!.Status);
        Assert.Equal("Issued", permit.Cards[0].Status);
    }

    [Fact]
    public async Task A_confirmation_with_a_wrong_hash_is_refused_and_the_card_stays_unissued()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var number = await IssueAsync(host, officer);
        using var chip = new CardHandshake(Serial);
        var files = await chip.RequestFilesAsync(officer, number, 1);
        var altered = files with { PermitFile = Convert.ToBase64String([.. Convert.FromBase64String(files.PermitFile)[..^1], 0x02]) };

        using var response = await officer.PostAsJsonAsync(CardHandshake.Route(number, 1, "confirmation"), await chip.ConfirmationAsync(officer, altered), Ct);
        using var otherChip = await officer.PostAsJsonAsync(CardHandshake.Route(number, 1, "confirmation"), await chip.ConfirmationAsync(officer, files, serial: "0000000000000001"), Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.EndsWith("/card-files-mismatch", await PermitIssuanceTests.ProblemTypeAsync(response));
        Assert.Equal(HttpStatusCode.Conflict, otherChip.StatusCode);
        Assert.EndsWith("/card-serial-mismatch", await PermitIssuanceTests.ProblemTypeAsync(otherChip));
        await using var db = host.NewContext();
        var permit = await db.ResidencePermits.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(Domain.Permits.PermitStatus.PendingCard, permit.Status);
        Assert.Equal(Domain.Permits.CardStatus.Ordered, permit.CurrentCard.Status);
    }

    [Fact]
    public async Task Exchanging_a_damaged_card_orders_sequence_two_and_revokes_sequence_one_at_once()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var number = await IssueAsync(host, officer);
        using var chip = new CardHandshake(Serial);
        var files = await chip.RequestFilesAsync(officer, number, 1);
        (await officer.PostAsJsonAsync(CardHandshake.Route(number, 1, "confirmation"), await chip.ConfirmationAsync(officer, files), Ct)).Dispose();

        using var exchange = await officer.PostAsync(new Uri($"/api/permits/{number}/cards/exchange", UriKind.Relative), null, Ct);
        using var secondChip = new CardHandshake("0102030405060708");
        var secondFiles = await secondChip.RequestFilesAsync(officer, number, 2);

        Assert.Equal(HttpStatusCode.OK, exchange.StatusCode);
        var permit = await exchange.Content.ReadFromJsonAsync<PermitView>(Ct);
        Assert.Equal(2, permit!.CurrentCardSequence);
        Assert.Equal(("Revoked", "Damaged"), (permit.Cards[0].Status, permit.Cards[0].RevocationReason));
        Assert.Equal(("Ordered", "Exchange"), (permit.Cards[1].Status, permit.Cards[1].Reason));
        Assert.Equal(2, secondFiles.Permit.CardSequence);
        using var oldCard = await officer.PostAsJsonAsync(CardHandshake.Route(number, 1, "personalization"), chip.PersonalizationRequest, Ct);
        Assert.Equal(HttpStatusCode.Conflict, oldCard.StatusCode);
    }

    private static async Task<string> IssueAsync(PermitTestHost host, HttpClient officer)
    {
        var (_, _, applicationId) = (await PermitArrange.ApprovedApplicationsAsync(host, 1))[0];
        return await PermitArrange.IssueAsync(officer, applicationId);
    }
}
