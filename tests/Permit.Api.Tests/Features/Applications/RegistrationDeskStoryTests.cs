using Permit.Api.Tests.Features.Residents;

namespace Permit.Api.Tests.Features.Applications;

/// <summary>The desk's story through HTTP: ID card → registration → late change → application → decision.</summary>
public sealed class RegistrationDeskStoryTests
{
    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_migrant_goes_from_id_card_to_an_approved_application_and_a_registrar_cannot_approve(DatabaseProvider provider)
    {
        await using var desk = new PermitTestHost(provider, DeskData.Morning);
        using var registrar = desk.Officer();
        using var supervisor = desk.Officer(OfficerRole.Supervisor);

        // Registered from the ID card JSON the card agent prints.
        using var created = await registrar.PostJsonAsync("/api/residents/from-id-card", DeskData.IdCard(DeskData.ZhangSan));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var residentId = (await created.JsonAsync()).GetProperty("id").GetGuid();
        using var registered = await registrar.PostJsonAsync("/api/registrations", Registration(residentId));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var registration = await registered.JsonAsync();
        Assert.Equal("2026-03-02", registration.GetProperty("registrationDate").GetString());
        var registrationId = registration.GetProperty("id").GetGuid();

        // Moved on 5 March, declared on 22 March: accepted, flagged late.
        desk.Time.Advance(TimeSpan.FromDays(20));
        using var moved = await registrar.PostJsonAsync($"/api/registrations/{registrationId}/address-changes", new
        {
            address = "浙江省宁波市镇海区庄市街道新村2号",
            communityCode = "330211004001",
            changedOn = "20260305",
        });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var change = await moved.JsonAsync();
        Assert.True(change.GetProperty("late").GetBoolean());
        Assert.Equal("2026-03-15", change.GetProperty("declareBy").GetString());

        // Six months after registering, an application with only the ID card: every missing document named at once.
        desk.Time.Advance(TimeSpan.FromDays(164));
        using var submitted = await registrar.PostJsonAsync("/api/applications", new
        {
            residentId,
            documents = new[] { new { kind = "idCard", reference = "scan/id-front-back.pdf" } },
        });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var application = await submitted.JsonAsync();
        Assert.Equal(["photo", "proof-of-employment"], Codes(application.GetProperty("missingDocuments")));
        var applicationId = application.GetProperty("id").GetGuid();

        using var refused = await registrar.PostJsonAsync($"/api/applications/{applicationId}/accept", new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal("https://permit.example/problems/application-documents-missing", problem.GetProperty("type").GetString());
        Assert.Equal(["photo", "proof-of-employment"], Codes(problem.GetProperty("missingDocuments")));

        using var completed = await registrar.PostJsonAsync($"/api/applications/{applicationId}/documents", new
        {
            documents = new[]
            {
                new { kind = "photo", reference = "scan/photo.jpg" },
                new { kind = "labourContract", reference = "scan/contract.pdf" },
            },
        });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal(0, (await completed.JsonAsync()).GetProperty("missingDocuments").GetArrayLength());

        using var accepted = await registrar.PostJsonAsync($"/api/applications/{applicationId}/accept", new { });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var acceptedApplication = await accepted.JsonAsync();
        var today = DateOnly.FromDateTime(desk.Time.GetUtcNow().DateTime);
        Assert.Equal(today.AddDays(15).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            acceptedApplication.GetProperty("dueDate").GetString());

        using var byRegistrar = await registrar.PostJsonAsync($"/api/applications/{applicationId}/approve", new { });
        Assert.Equal(HttpStatusCode.Forbidden, byRegistrar.StatusCode);
        Assert.Equal("application/problem+json", byRegistrar.Content.Headers.ContentType?.MediaType);

        using var approved = await supervisor.PostJsonAsync($"/api/applications/{applicationId}/approve", new { });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", (await approved.JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_accepted_application_undecided_after_fifteen_days_is_listed_as_overdue()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var registrar = desk.Officer();
        var applicationId = await AcceptedTalentApplicationAsync(registrar);

        desk.Time.Advance(TimeSpan.FromDays(15));
        using var onTime = await registrar.GetPathAsync("/api/applications/overdue");
        desk.Time.Advance(TimeSpan.FromDays(2));
        using var late = await registrar.GetPathAsync("/api/applications/overdue");

        Assert.Equal(0, (await onTime.JsonAsync()).GetArrayLength());
        var overdue = await late.JsonAsync();
        Assert.Equal(applicationId, overdue[0].GetProperty("id").GetGuid());
        Assert.Equal(2, overdue[0].GetProperty("daysOverdue").GetInt32());
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_then_ends_the_application()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var registrar = desk.Officer();
        var applicationId = await AcceptedTalentApplicationAsync(registrar);

        using var noReason = await registrar.PostJsonAsync($"/api/applications/{applicationId}/reject", new { reason = " " });
        using var rejected = await registrar.PostJsonAsync($"/api/applications/{applicationId}/reject", new { reason = "劳动合同已解除" });
        using var again = await registrar.PostJsonAsync($"/api/applications/{applicationId}/reject", new { reason = "again" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal("劳动合同已解除", (await rejected.JsonAsync()).GetProperty("rejectionReason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("https://permit.example/problems/application-already-decided", (await again.JsonAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_applicant_registered_for_less_than_six_months_is_not_accepted_and_learns_when_they_will_be()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var registrar = desk.Officer();
        var residentId = await RegisteredResidentAsync(registrar);
        using var submitted = await registrar.PostJsonAsync("/api/applications", new { residentId, documents = AllDocuments });
        var applicationId = (await submitted.JsonAsync()).GetProperty("id").GetGuid();

        using var refused = await registrar.PostJsonAsync($"/api/applications/{applicationId}/accept", new { });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal("https://permit.example/problems/application-not-eligible", problem.GetProperty("type").GetString());
        Assert.Contains("2026-09-02", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    private static readonly object[] AllDocuments =
    [
        new { kind = "idCard", reference = "scan/id.pdf" },
        new { kind = "photo", reference = "scan/photo.jpg" },
        new { kind = "labourContract", reference = "scan/contract.pdf" },
    ];

    private static object Registration(Guid residentId) => new
    {
        residentId,
        address = "浙江省宁波市镇海区骆驼街道中街1号",
        communityCode = "330211003001",
        arrivalDate = "20260220",
        basis = "employment",
        evidence = "劳动合同 2026-001",
        employerOrLandlord = "宁波镇海某机械有限公司",
    };

    private static async Task<Guid> RegisteredResidentAsync(HttpClient registrar)
    {
        using var created = await registrar.PostJsonAsync("/api/residents/from-id-card", DeskData.IdCard(DeskData.ZhangSan));
        var residentId = (await created.JsonAsync()).GetProperty("id").GetGuid();
        using var registered = await registrar.PostJsonAsync("/api/registrations", Registration(residentId));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return residentId;
    }

    /// <summary>A talent (exempt from the 6-month rule) with every document, accepted today.</summary>
    private static async Task<Guid> AcceptedTalentApplicationAsync(HttpClient registrar)
    {
        var residentId = await RegisteredResidentAsync(registrar);
        using var submitted = await registrar.PostJsonAsync("/api/applications", new { residentId, exemption = "talent", documents = AllDocuments });
        var applicationId = (await submitted.JsonAsync()).GetProperty("id").GetGuid();
        using var accepted = await registrar.PostJsonAsync($"/api/applications/{applicationId}/accept", new { });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        return applicationId;
    }

    private static string[] Codes(JsonElement documents) =>
        [.. documents.EnumerateArray().Select(d => d.GetProperty("code").GetString()!)];
}
