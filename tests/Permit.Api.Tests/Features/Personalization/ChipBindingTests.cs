using System.Security.Cryptography;
using Permit.Api.Features.Entitlements;
using Permit.Api.Features.Permits;
using Permit.Domain.Credentials.Revocation;

namespace Permit.Api.Tests.Features.Personalization;

/// <summary>
/// One chip key per card: a registrar cannot get files signed for a second chip (a clone) while the first is bound,
/// and a chip given up is abandoned explicitly, with a reason, and published on the status list.
/// </summary>
public sealed class ChipBindingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> PrepareAsync(HttpClient officer, string number, CardHandshake chip) =>
        officer.PostAsJsonAsync(CardHandshake.Route(number, 1, "personalization"), chip.PersonalizationRequest, Ct);

    private static Task<HttpResponseMessage> AbandonAsync(HttpClient officer, string number, string? reason) =>
        officer.PostAsJsonAsync(CardHandshake.Route(number, 1, "personalization/abandon"), new { reason }, Ct);

    [Fact]
    public async Task A_second_chip_key_for_one_card_is_refused_while_the_first_is_bound()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var number = await IssueAsync(host, officer);
        using var first = new CardHandshake("A1B2C3D4E5F60718");
        using var clone = new CardHandshake("A1B2C3D4E5F60718");
        using var otherSerial = new CardHandshake("0102030405060708");
        await first.RequestFilesAsync(officer, number, 1);

        using var sameSerialNewKey = await PrepareAsync(officer, number, clone);
        using var newSerial = await PrepareAsync(officer, number, otherSerial);

        Assert.Equal(HttpStatusCode.Conflict, sameSerialNewKey.StatusCode);
        Assert.EndsWith("/card-chip-bound", await PermitIssuanceTests.ProblemTypeAsync(sameSerialNewKey));
        Assert.Equal(HttpStatusCode.Conflict, newSerial.StatusCode);
        Assert.EndsWith("/card-chip-bound", await PermitIssuanceTests.ProblemTypeAsync(newSerial));
        await using var db = host.NewContext();
        Assert.Equal(1, await db.Set<CardPersonalization>().CountAsync(Ct));
    }

    [Fact]
    public async Task Asking_again_for_the_same_chip_gets_its_files_again_so_a_lost_answer_is_recovered()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var number = await IssueAsync(host, officer);
        using var chip = new CardHandshake("A1B2C3D4E5F60718");
        await chip.RequestFilesAsync(officer, number, 1);

        var again = await chip.RequestFilesAsync(officer, number, 1);
        using var confirmed = await officer.PostAsJsonAsync(CardHandshake.Route(number, 1, "confirmation"), await chip.ConfirmationAsync(officer, again), Ct);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }

    [Fact]
    public async Task After_the_first_chip_is_abandoned_with_a_reason_another_chip_is_personalized_and_the_first_is_on_the_status_list()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        using var anonymous = host.CreateClient();
        var number = await IssueAsync(host, officer);
        using var pulled = new CardHandshake("A1B2C3D4E5F60718");
        using var again = new CardHandshake("A1B2C3D4E5F60718");
        await pulled.RequestFilesAsync(officer, number, 1);

        using var abandoned = await AbandonAsync(officer, number, "card pulled out before activation");
        var files = await again.RequestFilesAsync(officer, number, 1);
        using var confirmed = await officer.PostAsJsonAsync(CardHandshake.Route(number, 1, "confirmation"), await again.ConfirmationAsync(officer, files), Ct);
        using var download = await anonymous.GetAsync(new Uri("/api/revocation-list", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, abandoned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var list = await ReadListAsync(host, download);
        Assert.True(list.IsChipAbandoned(SHA256.HashData(pulled.ChipKeyFile)));
        Assert.False(list.IsChipAbandoned(SHA256.HashData(again.ChipKeyFile)));
        await using var db = host.NewContext();
        var audit = await db.Set<Api.Audit.AuditEntry>().AsNoTracking().Where(e => e.Action == "permit.card-chip-abandoned").Select(e => e.Purpose).ToListAsync(Ct);
        Assert.Contains(audit, s => s!.Contains("card pulled out before activation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_abandoned_chip_key_gets_no_files_again_even_for_another_card()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var number = await IssueAsync(host, officer);
        using var pulled = new CardHandshake("A1B2C3D4E5F60718");
        await pulled.RequestFilesAsync(officer, number, 1);
        (await AbandonAsync(officer, number, "damaged")).Dispose();

        using var reused = await PrepareAsync(officer, number, pulled);

        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.EndsWith("/card-chip-key-used", await PermitIssuanceTests.ProblemTypeAsync(reused));
    }

    [Fact]
    public async Task Abandoning_needs_a_reason_a_bound_chip_and_a_card_not_yet_issued()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var number = await IssueAsync(host, officer);
        using var chip = new CardHandshake("A1B2C3D4E5F60718");

        using var nothingBound = await AbandonAsync(officer, number, "pulled");
        var files = await chip.RequestFilesAsync(officer, number, 1);
        using var noReason = await AbandonAsync(officer, number, " ");
        (await officer.PostAsJsonAsync(CardHandshake.Route(number, 1, "confirmation"), await chip.ConfirmationAsync(officer, files), Ct)).Dispose();
        using var issued = await AbandonAsync(officer, number, "pulled");

        Assert.EndsWith("/card-chip-not-bound", await PermitIssuanceTests.ProblemTypeAsync(nothingBound));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, issued.StatusCode);
        Assert.EndsWith("/card-already-issued", await PermitIssuanceTests.ProblemTypeAsync(issued));
    }

    [Fact]
    public async Task A_confirmation_whose_chip_answer_is_not_by_the_bound_key_is_refused_and_the_card_stays_unissued()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var number = await IssueAsync(host, officer);
        using var bound = new CardHandshake("A1B2C3D4E5F60718");
        using var impostor = new CardHandshake("A1B2C3D4E5F60718");
        var files = await bound.RequestFilesAsync(officer, number, 1);
        var challenge = await CardHandshake.ChallengeAsync(officer);

        using var refused = await officer.PostAsJsonAsync(CardHandshake.Route(number, 1, "confirmation"),
            CardHandshake.ConfirmationFor(bound.Serial, files, challenge, impostor.Answer(challenge)), Ct);
        using var withoutChallenge = await officer.PostAsJsonAsync(CardHandshake.Route(number, 1, "confirmation"),
            new { serial = bound.Serial, permitFileSha256 = CardHandshake.Hash(files.PermitFile) }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.EndsWith("/card-chip-not-proven", await PermitIssuanceTests.ProblemTypeAsync(refused));
        Assert.Equal(HttpStatusCode.BadRequest, withoutChallenge.StatusCode);
        await using var db = host.NewContext();
        Assert.Equal(Domain.Permits.CardStatus.Ordered, (await db.ResidencePermits.AsNoTracking().SingleAsync(Ct)).CurrentCard.Status);
    }

    private static async Task<RevocationList> ReadListAsync(PermitTestHost host, HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        var read = RevocationListCodec.Read(await response.Content.ReadAsByteArrayAsync(Ct), host.Services.GetRequiredService<IssuerTrust>().List);
        Assert.True(read.IsValid, read.Error);
        return read.List!;
    }

    private static async Task<string> IssueAsync(PermitTestHost host, HttpClient officer)
    {
        var (_, _, applicationId) = (await PermitArrange.ApprovedApplicationsAsync(host, 1))[0];
        return await PermitArrange.IssueAsync(officer, applicationId);
    }
}
