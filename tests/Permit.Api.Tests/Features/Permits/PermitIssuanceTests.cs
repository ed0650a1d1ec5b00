using Permit.Domain.Permits;

namespace Permit.Api.Tests.Features.Permits;

public sealed class PermitIssuanceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Issuing_an_approved_application_gives_the_first_number_of_the_year_and_orders_card_one()
    {
        await using var host = new PermitTestHost();
        var (_, _, applicationId) = (await PermitArrange.ApprovedApplicationsAsync(host, 1))[0];
        using var officer = host.Officer();

        using var response = await officer.PostAsJsonAsync("/api/permits", new { applicationId }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = await response.Content.ReadFromJsonAsync<IssuedView>(Ct);
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", issued!.ActivationCode);
        var permit = issued.Permit;
        Assert.Equal(PermitNumber.Create(Domain.Regions.RegionCode.Zhenhai, 2026, 1).Value, permit!.PermitNumber);
        Assert.Equal("PendingCard", permit.Status);
        Assert.Equal(new DateOnly(2027, 3, 9), permit.ValidUntil);
        Assert.Equal([1], permit.Cards.Select(c => c.Sequence));
        Assert.Equal("Ordered", permit.Cards[0].Status);
        Assert.Equal($"/api/permits/{permit.PermitNumber}", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task Twenty_parallel_issuances_for_one_resident_give_one_permit_and_409_problems_for_the_rest(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        var (residentId, _, applicationId) = (await PermitArrange.ApprovedApplicationsAsync(host, 1))[0];
        using var officer = host.Officer();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            officer.PostAsJsonAsync("/api/permits", new { applicationId }, Ct)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.EndsWith("/live-permit-exists", await ProblemTypeAsync(refused));
        }

        await using var db = host.NewContext();
        Assert.Equal(1, await db.ResidencePermits.CountAsync(p => p.ResidentId == residentId, Ct));
        // The refused issuances gave their numbers back: the next permit of the year is number 2.
        var next = (await PermitArrange.ApprovedApplicationsAsync(host, 1, first: 1))[0];
        Assert.Equal(2, PermitNumber.Parse(await PermitArrange.IssueAsync(officer, next.ApplicationId)).Serial);
        foreach (var response in responses)
            response.Dispose();
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task Fifty_parallel_issuances_for_fifty_residents_get_numbers_without_gaps_or_duplicates(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        var applications = await PermitArrange.ApprovedApplicationsAsync(host, 50);
        using var officer = host.Officer();

        var numbers = await Task.WhenAll(applications.Select(a => PermitArrange.IssueAsync(officer, a.ApplicationId)));

        Assert.Equal(Enumerable.Range(1, 50), numbers.Select(n => PermitNumber.Parse(n).Serial).Order());
        Assert.All(numbers, n => Assert.StartsWith("3302112026", n, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_idempotency_key_and_body_replays_the_first_answer_without_a_second_permit()
    {
        await using var host = new PermitTestHost();
        var (residentId, _, applicationId) = (await PermitArrange.ApprovedApplicationsAsync(host, 1))[0];
        using var officer = host.Officer();

        var first = await IssueWithKeyAsync(officer, applicationId, "issue-42");
        var again = await IssueWithKeyAsync(officer, applicationId, "issue-42");

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Created, again.Status);
        using var firstAnswer = JsonDocument.Parse(first.Body);
        using var replayed = JsonDocument.Parse(again.Body);
        Assert.Equal(firstAnswer.RootElement.GetProperty("permit").GetRawText(), replayed.RootElement.GetProperty("permit").GetRawText());
        // The activation code is shown once: a replay never carries it.
        Assert.Equal(JsonValueKind.String, firstAnswer.RootElement.GetProperty("activationCode").ValueKind);
        Assert.Equal(JsonValueKind.Null, replayed.RootElement.GetProperty("activationCode").ValueKind);
        await using var db = host.NewContext();
        Assert.Equal(1, await db.ResidencePermits.CountAsync(p => p.ResidentId == residentId, Ct));
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_body_is_refused()
    {
        await using var host = new PermitTestHost();
        var applications = await PermitArrange.ApprovedApplicationsAsync(host, 2);
        using var officer = host.Officer();

        await IssueWithKeyAsync(officer, applications[0].ApplicationId, "issue-7");
        var other = await IssueWithKeyAsync(officer, applications[1].ApplicationId, "issue-7");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.Status);
        Assert.Contains("idempotency-key-reused", other.Body, StringComparison.Ordinal);
        await using var db = host.NewContext();
        Assert.Equal(1, await db.ResidencePermits.CountAsync(Ct));
    }

    [Fact]
    public async Task An_unknown_permit_number_is_a_404_problem_and_a_malformed_one_a_400()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var unknown = PermitNumber.Create(Domain.Regions.RegionCode.Zhenhai, 2026, 999).Value;

        using var missing = await officer.GetAsync(new Uri($"/api/permits/{unknown}", UriKind.Relative), Ct);
        using var malformed = await officer.GetAsync(new Uri("/api/permits/33021120260000001", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.EndsWith("/permit-not-found", await ProblemTypeAsync(missing));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.EndsWith("/permit-number-format", await ProblemTypeAsync(malformed));
    }

    [Fact]
    public async Task Issuing_needs_a_signed_in_officer()
    {
        await using var host = new PermitTestHost();
        var (residentId, _, applicationId) = (await PermitArrange.ApprovedApplicationsAsync(host, 1))[0];
        using var anonymous = host.CreateClient();
        using var migrant = host.Migrant(residentId);

        using var noToken = await anonymous.PostAsJsonAsync("/api/permits", new { applicationId }, Ct);
        using var asMigrant = await migrant.PostAsJsonAsync("/api/permits", new { applicationId }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asMigrant.StatusCode);
        await using var db = host.NewContext();
        Assert.Equal(0, await db.ResidencePermits.CountAsync(Ct));
    }

    public static async Task<string> ProblemTypeAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return problem.RootElement.GetProperty("type").GetString()!;
    }

    private static async Task<(HttpStatusCode Status, string Body)> IssueWithKeyAsync(HttpClient officer, Guid applicationId, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/permits") { Content = JsonContent.Create(new { applicationId }) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await officer.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
