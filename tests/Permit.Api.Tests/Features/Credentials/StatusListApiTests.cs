using Permit.Domain.Credentials.Status;

namespace Permit.Api.Tests.Features.Credentials;

/// <summary>
/// <c>GET /api/status-list</c> and its deltas as an offline verifier sees them (docs/status-list.md): anonymous, signed
/// by a key on the published trust list, numbers only going up, a delta that moves the verifier's full list to the
/// latest, and the same content as the v1 list: superseded and revoked cards, suspensions, validity extensions.
/// </summary>
public sealed class StatusListApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Full => new("/api/status-list", UriKind.Relative);

    private static Uri Delta(long baseNumber) => new($"/api/status-list/delta?base={baseNumber}", UriKind.Relative);

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_card_reported_lost_reaches_a_verifier_holding_the_first_full_list_by_a_signed_delta(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var officer = host.Officer();
        using var anonymous = host.CreateClient();
        var number = await RevocationListApiTests.IssuedCardAsync(host, officer);
        using var first = await anonymous.GetAsync(Full, Ct);
        var trust = await TrustList.VerifiedTrustList.ReadAsync(host.Services, anonymous);
        var held = await ReadFullAsync(trust, first);

        using var lost = await officer.PostAsync(new Uri($"/api/permits/{number}/cards/replacement", UriKind.Relative), null, Ct);
        using var delta = await anonymous.GetAsync(Delta(held.Number), Ct);
        var read = StatusDeltaCodec.Read(await delta.Content.ReadAsByteArrayAsync(Ct), trust);
        var moved = read.Value!.ApplyTo(held).Value!;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/cose", first.Content.Headers.ContentType!.MediaType);
        Assert.False(held.IsRevoked(number, 1));
        Assert.Equal(HttpStatusCode.OK, lost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, delta.StatusCode);
        Assert.True(read.IsValid, read.Error);
        Assert.Equal(held.Number, read.Value.BaseNumber);
        Assert.True(moved.Number > held.Number);
        Assert.True(moved.IsRevoked(number, 1));
        Assert.False(moved.IsRevoked(number, 2));
    }

    [Fact]
    public async Task A_verifier_that_is_current_gets_no_body_and_one_whose_base_is_unknown_is_told_to_take_the_full_list()
    {
        await using var host = new PermitTestHost();
        using var anonymous = host.CreateClient();
        using var first = await anonymous.GetAsync(Full, Ct);
        var number = long.Parse(first.Headers.GetValues("Status-List-Number").Single(), System.Globalization.CultureInfo.InvariantCulture);

        using var current = await anonymous.GetAsync(Delta(number), Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, Full);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var again = await anonymous.SendAsync(request, Ct);
        using var unknown = await anonymous.GetAsync(Delta(number + 40), Ct);
        var problem = await unknown.Content.ReadFromJsonAsync<Dictionary<string, object>>(Ct);

        Assert.Equal(HttpStatusCode.NotModified, current.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("status-list-base-unknown", problem!["code"].ToString());
    }

    [Fact]
    public async Task A_terminated_permit_s_card_is_revoked_a_suspended_one_suspended_and_an_endorsed_one_extended()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var terminated = await RevocationListApiTests.IssuedCardAsync(host, officer, resident: 0);
        var overdue = await RevocationListApiTests.IssuedCardAsync(host, officer, resident: 1);
        var endorsed = await RevocationListApiTests.IssuedCardAsync(host, officer, resident: 2);

        using var ended = await officer.PostAsJsonAsync($"/api/permits/{terminated}/termination", new { reason = "LocalHukou" }, Ct);
        host.Time.SetUtcNow(new DateTimeOffset(2027, 2, 20, 2, 0, 0, TimeSpan.Zero));
        using var laterOfficer = host.Officer();
        using var endorsement = await laterOfficer.PostAsync(new Uri($"/api/permits/{endorsed}/endorsements", UriKind.Relative), null, Ct);
        host.Time.SetUtcNow(new DateTimeOffset(2027, 3, 20, 2, 0, 0, TimeSpan.Zero));
        using var laterAdmin = host.Officer(OfficerRole.Admin);
        using var suspended = await laterAdmin.PostAsJsonAsync("/api/admin/permits/suspend-overdue", new { }, Ct);
        var permit = await laterAdmin.GetFromJsonAsync<PermitView>($"/api/permits/{endorsed}", Ct);
        using var published = await laterAdmin.PostAsync(new Uri("/api/admin/status-list", UriKind.Relative), null, Ct);
        var list = await ReadFullAsync(await TrustList.VerifiedTrustList.ReadAsync(host.Services, laterAdmin), published);

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(HttpStatusCode.OK, endorsement.StatusCode);
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        Assert.True(list.IsRevoked(terminated, 1));
        Assert.True(list.IsSuspended(overdue, 1));
        Assert.False(list.IsRevoked(overdue, 1));
        Assert.Equal(permit!.ValidUntil, list.ExtendedValidUntil(endorsed, 1));
    }

    [Fact]
    public async Task Only_an_admin_publishes_a_new_full_list_on_demand()
    {
        await using var host = new PermitTestHost();
        using var registrar = host.Officer();

        using var response = await registrar.PostAsync(new Uri("/api/admin/status-list", UriKind.Relative), null, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<StatusList> ReadFullAsync(Domain.Credentials.Trust.TrustList trust, HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        var read = StatusListCodec.Read(await response.Content.ReadAsByteArrayAsync(Ct), trust);
        Assert.True(read.IsValid, read.Error);
        return read.Value!;
    }
}
