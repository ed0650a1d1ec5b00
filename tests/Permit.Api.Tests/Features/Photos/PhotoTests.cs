using System.Net.Http.Headers;
using System.Security.Cryptography;
using Permit.Api.Features.Photos;
using Permit.Api.Security.Fields;
using SkiaSharp;

namespace Permit.Api.Tests.Features.Photos;

/// <summary>The desk takes the holder's photo: the permit format, the refusals, sealed storage, and the two-minute photo links.</summary>
public sealed class PhotoTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<HttpResponseMessage> TakeAsync(HttpClient officer, Guid residentId, byte[] picture, string contentType = "image/jpeg")
    {
        using var content = new ByteArrayContent(picture);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await officer.PostAsync(new Uri($"/api/residents/{residentId}/photos", UriKind.Relative), content, Ct);
    }

    public static async Task<PhotoVersionResponse> TakenAsync(HttpClient officer, Guid residentId, byte[]? picture = null)
    {
        using var response = await TakeAsync(officer, residentId, picture ?? TestPictures.Portrait());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PhotoVersionResponse>(Ct))!;
    }

    private static async Task<Guid> ResidentAsync(PermitTestHost host) =>
        (await PermitArrange.ApprovedApplicationsAsync(host, 1))[0].ResidentId;

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_camera_frame_becomes_a_358_by_441_jpeg_that_the_officer_sees_through_the_link_and_the_database_holds_only_sealed(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var officer = host.Officer();
        var residentId = await ResidentAsync(host);

        var taken = await TakenAsync(officer, residentId, TestPictures.Portrait(640, 480, format: SKEncodedImageFormat.Png));
        using var image = await officer.GetAsync(new Uri(taken.Link!, UriKind.Relative), Ct);

        Assert.Equal(("desk", 1), (taken.Source, taken.Version));
        Assert.Contains("Test Registrar", taken.TakenBy, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", image.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var jpeg = await image.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal((358, 441), TestPictures.SizeOf(jpeg));
        await using var db = host.NewContext();
        var row = await db.Set<ResidentPhoto>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal(-1, row.Sealed.AsSpan().IndexOf(jpeg.AsSpan(0, 64)));
        Assert.False(row.Sealed.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8]));
        var actions = await db.Set<AuditEntry>().Where(a => a.ResidentId == residentId).Select(a => a.Action).ToListAsync(Ct);
        Assert.Contains("resident.photo-taken", actions);
        Assert.Contains("resident.photo-read", actions);
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "text", "photo-not-an-image" },
        { "gif", "photo-not-an-image" },
        { "small", "photo-too-small" },
        { "dark", "photo-too-dark" },
        { "panorama", "photo-not-face-sized" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_bad_picture_is_refused_in_plain_words_and_nothing_is_stored(string picture, string code)
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var residentId = await ResidentAsync(host);
        var bytes = picture switch
        {
            "text" => "这不是照片 not a picture"u8.ToArray(),
            "gif" => [.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0],
            "small" => TestPictures.Portrait(300, 360),
            "dark" => TestPictures.Portrait(640, 480, light: 0.12),
            _ => TestPictures.Portrait(1500, 500),
        };

        using var response = await TakeAsync(officer, residentId, bytes);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemView>(Ct);
        Assert.EndsWith("/" + code, problem!.Type, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail)); // the Chinese words
        await using var db = host.NewContext();
        Assert.False(await db.Set<ResidentPhoto>().AnyAsync(Ct));
    }

    [Fact]
    public async Task Each_photo_is_a_new_version_and_the_resident_page_lists_who_took_them()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var residentId = await ResidentAsync(host);
        await TakenAsync(officer, residentId);
        host.Time.Advance(TimeSpan.FromMinutes(5));
        await TakenAsync(officer, residentId, TestPictures.Portrait(800, 1000));

        var photos = await officer.GetFromJsonAsync<ResidentPhotosResponse>($"/api/residents/{residentId}/photos", Ct);

        Assert.Equal(2, photos!.Desk!.Version);
        Assert.Null(photos.IdCard);
        Assert.Equal([2, 1], photos.History.Select(h => h.Version));
        Assert.All(photos.History, h => Assert.Contains("Test Registrar", h.TakenBy, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_photo_link_works_only_for_its_caller_for_two_minutes_and_untouched()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        using var otherOfficer = host.Officer(Api.Security.Accounts.OfficerRole.Supervisor);
        var residentId = await ResidentAsync(host);
        using var holder = host.Migrant(residentId);
        var link = (await TakenAsync(officer, residentId)).Link!;
        var token = link[PhotoLinks.RoutePrefix.Length..];
        var tampered = PhotoLinks.RoutePrefix + token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];

        using var byOther = await otherOfficer.GetAsync(new Uri(link, UriKind.Relative), Ct);
        using var byHolder = await holder.GetAsync(new Uri(link, UriKind.Relative), Ct);
        using var anonymous = await host.CreateClient().GetAsync(new Uri(link, UriKind.Relative), Ct);
        using var altered = await officer.GetAsync(new Uri(tampered, UriKind.Relative), Ct);
        host.Time.Advance(PhotoLinks.Lifetime + TimeSpan.FromSeconds(1));
        using var late = await officer.GetAsync(new Uri(link, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byHolder.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, altered.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        await using var db = host.NewContext();
        Assert.False(await db.Set<AuditEntry>().AnyAsync(a => a.Action == "resident.photo-read", Ct));
    }

    [Fact]
    public async Task A_sealed_photo_moved_to_another_resident_does_not_open()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var arranged = await PermitArrange.ApprovedApplicationsAsync(host, 2);
        await TakenAsync(officer, arranged[0].ResidentId);
        await TakenAsync(officer, arranged[1].ResidentId, TestPictures.Portrait(900, 900));
        await using var db = host.NewContext();
        var photos = await db.Set<ResidentPhoto>().ToListAsync(Ct);
        var protector = host.Services.GetRequiredService<CitizenIdProtector>();

        // The attacker with write access to the table copies one resident's ciphertext over the other's.
        typeof(ResidentPhoto).GetProperty(nameof(ResidentPhoto.Sealed))!.SetValue(photos[1], photos[0].Sealed);

        Assert.NotEmpty(photos[0].Open(protector));
        Assert.ThrowsAny<CryptographicException>(() => photos[1].Open(protector));
    }

    [Fact]
    public async Task A_holder_sees_their_own_photo_on_me_through_a_link_made_for_them()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var holder = await Entitlements.EntitlementArrange.ActiveHolderAsync(host, officer, 0);
        await TakenAsync(officer, holder.ResidentId);
        using var me = host.Migrant(holder.ResidentId);

        var view = await me.GetFromJsonAsync<SelfServicePhoto>("/api/self-service/permit", Ct);
        using var image = await me.GetAsync(new Uri(view!.Photo!, UriKind.Relative), Ct);
        using var byOfficer = await officer.GetAsync(new Uri(view.Photo!, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOfficer.StatusCode);
    }

    [Fact]
    public async Task An_id_cards_photo_is_kept_once_and_the_resident_names_that_version_while_an_undecoded_wlt_block_is_neither_kept_nor_named()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var portrait = TestPictures.Portrait(102, 126);
        var card = Residents.DeskData.IdCard(PermitArrange.IdNumber(0), name: "张伟");
        card["photo"] = Convert.ToBase64String(portrait);
        card["photoFormat"] = "jpeg";
        var wltCard = Residents.DeskData.IdCard(PermitArrange.IdNumber(1), name: "李强");
        wltCard["photo"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(1024));
        wltCard["photoFormat"] = "wlt";

        // The same card read twice (a renewed registration, say): one version, named both times.
        var first = await ReadIdCardAsync(officer, card);
        var again = await ReadIdCardAsync(officer, card);
        var wlt = await ReadIdCardAsync(officer, wltCard);

        Assert.True(first.HasPhoto);
        Assert.True(again.HasPhoto);
        Assert.False(wlt.HasPhoto);
        await using var db = host.NewContext();
        var kept = await db.Set<ResidentPhoto>().AsNoTracking().SingleAsync(p => p.ResidentId == first.Id, Ct);
        Assert.Equal((PhotoSource.IdCard, 1), (kept.Source, kept.Version));
        Assert.Equal(portrait, kept.Open(db.RequireCitizenIdProtector()));
        var references = await db.Residents.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.PhotoReference, Ct);
        Assert.Equal($"resident-photo:{kept.Id}", references[first.Id]);
        Assert.Null(references[wlt.Id]);
        Assert.False(await db.Set<ResidentPhoto>().AnyAsync(p => p.ResidentId == wlt.Id, Ct));
    }

    private static async Task<ReadResident> ReadIdCardAsync(HttpClient officer, Dictionary<string, object?> card)
    {
        using var response = await officer.PostAsJsonAsync("/api/residents/from-id-card", card, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<ReadResident>(Ct))!;
    }

    private sealed record ReadResident(Guid Id, bool HasPhoto);

    private sealed record SelfServicePhoto(string PermitNumber, string? Photo);

    public sealed record ProblemView(string Type, string? Title, string? Detail);
}
