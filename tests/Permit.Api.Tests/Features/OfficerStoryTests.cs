using System.Globalization;
using Permit.Api.Tests.Features.Personalization;
using Permit.Api.Tests.Features.Residents;

namespace Permit.Api.Tests.Features;

/// <summary>
/// Issue #4's officer story end to end through HTTP, on SQLite and on PostgreSQL: ID card → registration → application
/// → supervisor's approval → permit (pending card) → card handshake → active permit → yearly endorsement inside its
/// window, and the audit chain of everything that happened verifies.
/// </summary>
public sealed class OfficerStoryTests
{
    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_migrant_goes_from_id_card_to_an_endorsed_permit_card_and_the_audit_chain_of_it_all_verifies(DatabaseProvider provider)
    {
        await using var desk = new PermitTestHost(provider, DeskData.Morning);
        using var registrar = desk.Officer();
        using var supervisor = desk.Officer(OfficerRole.Supervisor);
        using var admin = desk.Officer(OfficerRole.Admin);

        using var created = await registrar.PostJsonAsync("/api/residents/from-id-card", DeskData.IdCard(DeskData.ZhangSan));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var residentId = (await created.JsonAsync()).GetProperty("id").GetGuid();
        using var registered = await registrar.PostJsonAsync("/api/registrations", new
        {
            residentId,
            address = "浙江省宁波市镇海区骆驼街道中街1号",
            communityCode = "330211003001",
            arrivalDate = "20260220",
            basis = "employment",
            evidence = "劳动合同 2026-001",
            employerOrLandlord = "宁波镇海某机械有限公司",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        // Six months of residence later: the application with every document, accepted, approved by the supervisor.
        desk.Time.Advance(TimeSpan.FromDays(184));
        using var submitted = await registrar.PostJsonAsync("/api/applications", new
        {
            residentId,
            documents = new object[]
            {
                new { kind = "idCard", reference = "scan/id.pdf" },
                new { kind = "photo", reference = "scan/photo.jpg" },
                new { kind = "labourContract", reference = "scan/contract.pdf" },
            },
        });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var applicationId = (await submitted.JsonAsync()).GetProperty("id").GetGuid();
        using var accepted = await registrar.PostJsonAsync($"/api/applications/{applicationId}/accept", new { });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        using var approved = await supervisor.PostJsonAsync($"/api/applications/{applicationId}/approve", new { });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        // The permit is issued on paper; its card is ordered, not yet issued.
        using var issued = await registrar.PostJsonAsync("/api/permits", new { applicationId });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var issuedBody = await issued.JsonAsync();
        Assert.False(string.IsNullOrEmpty(issuedBody.GetProperty("activationCode").GetString()));
        var permit = issuedBody.GetProperty("permit");
        var number = permit.GetProperty("permitNumber").GetString()!;
        Assert.Equal("PendingCard", permit.GetProperty("status").GetString());

        // The card agent's handshake: files for the chip's own key, then the confirmation of what it read back.
        using var chip = new CardHandshake("0102030405060708");
        var files = await chip.RequestFilesAsync(registrar, number, 1);
        Assert.Equal(number, files.Permit.PermitNumber);
        Assert.Equal(DeskData.ZhangSan, files.Permit.IdNumber);
        using var confirmed = await registrar.PostJsonAsync(CardHandshake.Route(number, 1, "confirmation"), await chip.ConfirmationAsync(registrar, files));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("Active", (await confirmed.JsonAsync()).GetProperty("permitStatus").GetString());

        // The yearly endorsement, inside its window: validity runs a year further.
        using var active = await registrar.GetPathAsync($"/api/permits/{number}");
        var activePermit = await active.JsonAsync();
        var validUntil = Date(activePermit.GetProperty("validUntil"));
        var opens = Date(activePermit.GetProperty("endorsementWindow").GetProperty("opens"));
        desk.Time.SetUtcNow(new DateTimeOffset(opens.AddDays(3).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
        using var endorsed = await registrar.PostJsonAsync($"/api/permits/{number}/endorsements", new { });
        Assert.Equal(HttpStatusCode.OK, endorsed.StatusCode);
        Assert.Equal(validUntil.AddYears(1), Date((await endorsed.JsonAsync()).GetProperty("validUntil")));

        // Every read and change above was recorded, and the chain holds.
        using var verified = await admin.GetPathAsync("/api/audit/verify");
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var verification = await verified.JsonAsync();
        Assert.True(verification.GetProperty("verifiedEntries").GetInt64() >= 8, verification.ToString());
        Assert.True(!verification.TryGetProperty("firstBroken", out var broken) || broken.ValueKind == JsonValueKind.Null, verification.ToString());
    }

    private static DateOnly Date(JsonElement value) => DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
