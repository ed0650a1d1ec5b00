using Permit.Api.Tests.Features.Personalization;
using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Credentials.Trust;

namespace Permit.Api.Tests.Features.Credentials;

/// <summary>
/// <c>GET /api/revocation-list</c> as an offline verifier sees it: anonymous, signed by a key on the published trust list,
/// versions only going up, and built from the register: revoked cards, suspended permits, validity extensions.
/// </summary>
public sealed class RevocationListApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task Before_any_publication_anyone_gets_a_signed_first_version_that_verifies_against_the_trust_list(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var anonymous = host.CreateClient();

        using var response = await anonymous.GetAsync(new Uri("/api/revocation-list", UriKind.Relative), Ct);
        var list = await ReadAsync(host, anonymous, response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/cose", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(1, list.Version);
        Assert.Empty(list.Revoked);
        Assert.Equal(host.Time.GetUtcNow() + TimeSpan.FromHours(25), list.NextUpdate);
        Assert.Equal("1", response.Headers.GetValues("Revocation-List-Version").Single());
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_replaced_lost_card_is_on_the_next_published_version_and_its_successor_is_not(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var officer = host.Officer();
        using var admin = host.Officer(OfficerRole.Admin);
        using var anonymous = host.CreateClient();
        var number = await IssuedCardAsync(host, officer);
        using var first = await anonymous.GetAsync(new Uri("/api/revocation-list", UriKind.Relative), Ct);

        using var lost = await officer.PostAsync(new Uri($"/api/permits/{number}/cards/replacement", UriKind.Relative), null, Ct);
        using var published = await admin.PostAsync(new Uri("/api/admin/revocation-list", UriKind.Relative), null, Ct);
        using var latest = await anonymous.GetAsync(new Uri("/api/revocation-list", UriKind.Relative), Ct);
        var before = await ReadAsync(host, anonymous, first);
        var after = await ReadAsync(host, anonymous, latest);

        Assert.Equal(HttpStatusCode.OK, lost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.False(before.IsRevoked(number, 1));
        Assert.True(after.IsRevoked(number, 1));
        Assert.False(after.IsRevoked(number, 2));
        Assert.True(after.Version > before.Version);
    }

    [Fact]
    public async Task A_card_reported_lost_is_on_the_very_next_download_without_waiting_for_the_daily_publication()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        using var anonymous = host.CreateClient();
        var number = await IssuedCardAsync(host, officer);
        using var first = await anonymous.GetAsync(new Uri("/api/revocation-list", UriKind.Relative), Ct);
        using var unchanged = await anonymous.GetAsync(new Uri("/api/revocation-list", UriKind.Relative), Ct);

        using var lost = await officer.PostAsync(new Uri($"/api/permits/{number}/cards/replacement", UriKind.Relative), null, Ct);
        using var next = await anonymous.GetAsync(new Uri("/api/revocation-list", UriKind.Relative), Ct);
        var list = await ReadAsync(host, anonymous, next);

        Assert.Equal((await ReadAsync(host, anonymous, first)).Version, (await ReadAsync(host, anonymous, unchanged)).Version);
        Assert.True(list.IsRevoked(number, 1));
    }

    [Fact]
    public async Task A_terminated_permit_s_card_is_revoked_and_a_suspended_permit_s_card_is_listed_as_suspended()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var terminated = await IssuedCardAsync(host, officer, resident: 0);
        var overdue = await IssuedCardAsync(host, officer, resident: 1);

        using var ended = await officer.PostAsJsonAsync($"/api/permits/{terminated}/termination", new { reason = "LocalHukou" }, Ct);
        host.Time.SetUtcNow(At(2027, 3, 20));
        using var laterAdmin = host.Officer(OfficerRole.Admin);
        using var suspended = await laterAdmin.PostAsJsonAsync("/api/admin/permits/suspend-overdue", new { }, Ct);
        using var published = await laterAdmin.PostAsync(new Uri("/api/admin/revocation-list", UriKind.Relative), null, Ct);
        var list = await ReadAsync(host, laterAdmin, published);

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        Assert.True(list.IsRevoked(terminated, 1));
        Assert.True(list.IsSuspended(overdue, 1));
        Assert.False(list.IsRevoked(overdue, 1));
    }

    [Fact]
    public async Task A_card_written_before_its_permit_was_endorsed_gets_the_new_valid_until_on_the_list()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var number = await IssuedCardAsync(host, officer);
        var card = await officer.GetFromJsonAsync<PermitView>($"/api/permits/{number}", Ct);

        host.Time.SetUtcNow(At(2027, 2, 20));
        using var laterOfficer = host.Officer();
        using var laterAdmin = host.Officer(OfficerRole.Admin);
        using var endorsed = await laterOfficer.PostAsync(new Uri($"/api/permits/{number}/endorsements", UriKind.Relative), null, Ct);
        var permit = await laterOfficer.GetFromJsonAsync<PermitView>($"/api/permits/{number}", Ct);
        using var published = await laterAdmin.PostAsync(new Uri("/api/admin/revocation-list", UriKind.Relative), null, Ct);
        var list = await ReadAsync(host, laterAdmin, published);

        Assert.Equal(HttpStatusCode.OK, endorsed.StatusCode);
        Assert.True(permit!.ValidUntil > card!.ValidUntil);
        Assert.Equal(permit.ValidUntil, list.ExtendedValidUntil(number, 1));
    }

    [Fact]
    public async Task Only_an_admin_publishes_a_new_version_on_demand()
    {
        await using var host = new PermitTestHost();
        using var registrar = host.Officer();

        using var response = await registrar.PostAsync(new Uri("/api/admin/revocation-list", UriKind.Relative), null, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>A permit whose first card was personalized and confirmed (the permit is then active).</summary>
    internal static async Task<string> IssuedCardAsync(PermitTestHost host, HttpClient officer, int resident = 0)
    {
        var (_, _, applicationId) = (await PermitArrange.ApprovedApplicationsAsync(host, 1, first: resident))[0];
        var number = await PermitArrange.IssueAsync(officer, applicationId);
        var serial = $"A1B2C3D4E5F6071{resident}";
        using var chip = new CardHandshake(serial);
        var files = await chip.RequestFilesAsync(officer, number, 1);
        using var confirmed = await officer.PostAsJsonAsync(CardHandshake.Route(number, 1, "confirmation"), await chip.ConfirmationAsync(officer, files), Ct);
        confirmed.EnsureSuccessStatusCode();
        return number;
    }

    /// <summary>Reads the answer as a verifier would: against the anonymous trust list, refusing anything unsigned.</summary>
    private static async Task<RevocationList> ReadAsync(PermitTestHost host, HttpClient client, HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        var trust = await TrustList.VerifiedTrustList.ReadAsync(host.Services, client);
        var read = RevocationListCodec.Read(await response.Content.ReadAsByteArrayAsync(Ct), trust);
        Assert.True(read.IsValid, read.Error);
        return read.List!;
    }
}
