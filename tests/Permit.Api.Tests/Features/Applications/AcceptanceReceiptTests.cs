using Permit.Api.Tests.Features.Residents;

namespace Permit.Api.Tests.Features.Applications;

/// <summary>The acceptance receipt (受理回执) is printed the day the application is accepted, not only at issue.</summary>
public sealed class AcceptanceReceiptTests
{
    [Fact]
    public async Task An_accepted_application_prints_its_acceptance_receipt_as_a_pdf_and_the_print_is_audited()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var registrar = desk.Officer();
        var applicationId = await AcceptedApplication.ArrangeAsync(registrar);

        using var receipt = await registrar.GetPathAsync($"/api/applications/{applicationId}/acceptance-receipt");

        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal("application/pdf", receipt.Content.Headers.ContentType?.MediaType);
        var bytes = await receipt.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        await using var db = desk.NewContext();
        Assert.True(await db.Set<AuditEntry>().AnyAsync(e => e.Action == "application.acceptance-receipt", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_application_not_yet_accepted_has_no_acceptance_receipt()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var registrar = desk.Officer();
        using var created = await registrar.PostJsonAsync("/api/residents/from-id-card", DeskData.IdCard(DeskData.LiSi, "李四", "19950612", "2"));
        var residentId = (await created.JsonAsync()).GetProperty("id").GetGuid();
        using var registered = await registrar.PostJsonAsync("/api/registrations", new
        {
            residentId, address = "浙江省宁波市镇海区骆驼街道中街1号", communityCode = "330211003001", arrivalDate = "20260220",
            basis = "employment", evidence = "劳动合同 2026-002", employerOrLandlord = "宁波镇海某机械有限公司",
        });
        using var submitted = await registrar.PostJsonAsync("/api/applications", new { residentId });
        var applicationId = (await submitted.JsonAsync()).GetProperty("id").GetGuid();

        using var receipt = await registrar.GetPathAsync($"/api/applications/{applicationId}/acceptance-receipt");

        Assert.Equal(HttpStatusCode.NotFound, receipt.StatusCode);
    }
}
