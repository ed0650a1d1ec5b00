using Permit.Api.Features.Entitlements;
using Permit.Api.Features.Photos;
using Permit.Api.Tests.Features.Entitlements;
using Permit.Api.Tests.Features.Personalization;
using Permit.Api.Tests.Features.Residents;
using Permit.Api.Tests.Security;
using Permit.Domain.Entitlements;
using Serilog.Core;

namespace Permit.Api.Tests.Features.Photos;

/// <summary>The register's photo at a counter (the photo link in every answer that names a holder) and a whole story's logs.</summary>
public sealed class PhotoLookupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_clinic_looking_up_a_number_sees_the_registers_photo_and_no_other_terminal_can_open_the_link()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var holder = await EntitlementArrange.ActiveHolderAsync(host, officer, 0);
        await PhotoTests.TakenAsync(officer, holder.ResidentId);
        using var clinic = await EntitlementArrange.TerminalAsync(host, "骆驼街道社区卫生服务中心", ServiceCategory.Health);
        using var school = await EntitlementArrange.TerminalAsync(host, "镇海实验小学", ServiceCategory.Education);

        var answer = await clinic.GetFromJsonAsync<EntitlementAnswer>($"/api/entitlements/permits/{holder.Number}?service=basic-medical-care", Ct);
        using var image = await clinic.GetAsync(new Uri(answer!.Holder!.Photo!, UriKind.Relative), Ct);
        using var elsewhere = await school.GetAsync(new Uri(answer.Holder.Photo!, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal((358, 441), TestPictures.SizeOf(await image.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        await using var db = host.NewContext();
        var read = await db.Set<AuditEntry>().SingleAsync(a => a.Action == "resident.photo-read", Ct);
        Assert.Equal(holder.ResidentId, read.ResidentId);
        Assert.Contains("verifier", read.Purpose, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clinic_is_shown_the_desk_photo_even_when_an_id_card_photo_was_read_after_it()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var holder = await EntitlementArrange.ActiveHolderAsync(host, officer, 0);
        await PhotoTests.TakenAsync(officer, holder.ResidentId);
        var card = DeskData.IdCard(PermitArrange.IdNumber(0), name: "张伟");
        card["photo"] = Convert.ToBase64String(TestPictures.Portrait(102, 126));
        card["photoFormat"] = "jpeg";
        using (var read = await officer.PostAsJsonAsync("/api/residents/from-id-card", card, Ct))
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var clinic = await EntitlementArrange.TerminalAsync(host, "骆驼街道社区卫生服务中心", ServiceCategory.Health);

        var answer = await clinic.GetFromJsonAsync<EntitlementAnswer>($"/api/entitlements/permits/{holder.Number}?service=basic-medical-care", Ct);
        using var image = await clinic.GetAsync(new Uri(answer!.Holder!.Photo!, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal((358, 441), TestPictures.SizeOf(await image.Content.ReadAsByteArrayAsync(Ct)));
    }

    [Fact]
    public async Task A_holder_without_any_photo_is_answered_without_a_link()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var holder = await EntitlementArrange.ActiveHolderAsync(host, officer, 0);
        using var clinic = await EntitlementArrange.TerminalAsync(host, "骆驼街道社区卫生服务中心", ServiceCategory.Health);

        var answer = await clinic.GetFromJsonAsync<EntitlementAnswer>($"/api/entitlements/permits/{holder.Number}?service=basic-medical-care", Ct);

        Assert.Equal("张伟", answer!.Holder!.Name);
        Assert.Null(answer.Holder.Photo);
    }

    [Fact]
    public async Task A_whole_story_with_photos_leaves_no_photo_bytes_no_photo_link_and_no_id_number_in_the_logs()
    {
        var sink = new CapturingSink();
        await using var host = new PermitTestHost(new TestHostOptions { Services = services => services.AddSingleton<ILogEventSink>(sink) });
        using var officer = host.Officer();
        var arranged = (await PermitArrange.ApprovedApplicationsAsync(host, 1))[0];
        var idNumber = PermitArrange.IdNumber(0);
        var idPhoto = TestPictures.Portrait(102, 126);
        var card = DeskData.IdCard(idNumber, name: "张伟");
        card["photo"] = Convert.ToBase64String(idPhoto);
        card["photoFormat"] = "jpeg";
        using (var read = await officer.PostAsJsonAsync("/api/residents/from-id-card", card, Ct))
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var desk = await PhotoTests.TakenAsync(officer, arranged.ResidentId);
        var deskJpeg = await officer.GetByteArrayAsync(new Uri(desk.Link!, UriKind.Relative), Ct);
        var photos = await officer.GetFromJsonAsync<ResidentPhotosResponse>($"/api/residents/{arranged.ResidentId}/photos", Ct);
        Assert.Equal(idPhoto, await officer.GetByteArrayAsync(new Uri(photos!.IdCard!.Link!, UriKind.Relative), Ct));
        var number = await PermitArrange.IssueAsync(officer, arranged.ApplicationId);
        using var chip = new CardHandshake("00000000000000A1");
        var files = await chip.RequestFilesAsync(officer, number, 1);
        (await officer.PostAsJsonAsync(CardHandshake.Route(number, 1, "confirmation"), await chip.ConfirmationAsync(officer, files), Ct)).EnsureSuccessStatusCode();
        (await officer.GetAsync(new Uri($"/api/permits/{number}/card-face?format=png", UriKind.Relative), Ct)).EnsureSuccessStatusCode();
        using var clinic = await EntitlementArrange.TerminalAsync(host, "骆驼街道社区卫生服务中心", ServiceCategory.Health);
        var answer = await clinic.GetFromJsonAsync<EntitlementAnswer>($"/api/entitlements/permits/{number}?service=basic-medical-care", Ct);
        (await clinic.GetAsync(new Uri(answer!.Holder!.Photo!, UriKind.Relative), Ct)).EnsureSuccessStatusCode();

        // Request lines are written as requests end: wait for the last one.
        for (var i = 0; i < 100 && !sink.Lines.Any(l => l.Contains("/api/photos/", StringComparison.Ordinal) && l.Contains("200", StringComparison.Ordinal)); i++)
            await Task.Delay(50, Ct);
        var log = string.Join('\n', sink.Lines);
        Assert.Contains("/api/photos/********", log, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, log, StringComparison.Ordinal);
        foreach (var bytes in new[] { idPhoto, deskJpeg, Convert.FromBase64String(files.PhotoFile) })
        {
            var base64 = Convert.ToBase64String(bytes);
            Assert.DoesNotContain(base64[8..40], log, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToHexString(bytes.AsSpan(4, 24)), log, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var link in new[] { desk.Link!, photos.IdCard.Link!, answer.Holder.Photo! })
            Assert.DoesNotContain(link[PhotoLinks.RoutePrefix.Length..], log, StringComparison.Ordinal);
    }
}
