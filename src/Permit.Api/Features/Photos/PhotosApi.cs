using Permit.Api.Infrastructure.Http;
using System.Security.Claims;
using Permit.Api.Features.Residents;
using Permit.Api.Security.Authorization;
using Permit.Documents.Photos;

namespace Permit.Api.Features.Photos;

/// <summary>
/// The holder's photo (docs/photos.md): the desk takes it (camera or upload, normalized to 358 × 441 JPEG or refused in
/// plain words, nothing stored), every version is kept sealed, and it is fetched only through a two-minute photo link
/// made for one caller: the resident page's officer, a verifier right after a genuine lookup, or the holder on /me.
/// The card writer takes it server-side when preparing EF.PHOTO. Every take and every fetch is audited.
/// </summary>
public static class PhotosApi
{
    public static IEndpointRouteBuilder MapPhotos(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var residents = app.MapGroup("/api/residents/{id:guid}/photos").WithTags("Photos").RequireAuthorization(Policies.Registrar);
        residents.MapPost("/", TakeAsync).WithBodyLimit(HolderPhoto.MaxUploadBytes)
            .WithName("TakeResidentPhoto")
            .WithSummary("The desk's camera frame or an uploaded JPEG/PNG as the request body; stored as the 358×441 permit photo, or refused (422)");
        residents.MapGet("/", ListAsync).WithName("GetResidentPhotos")
            .WithSummary("The resident's photo versions (desk and ID card), each with a two-minute photo link (audited)");
        app.MapGet(PhotoLinks.RoutePrefix + "{token}", FetchAsync).WithTags("Photos").RequireAuthorization()
            .WithName("FetchPhoto").WithSummary("The image behind a photo link, for the caller it was made for only (audited)");
        return app;
    }

    public static async Task<Results<Created<PhotoVersionResponse>, ProblemHttpResult>> TakeAsync(
        Guid id, HttpContext http, PermitDbContext db, IAuditTrail audit, PhotoLinks links, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!await db.Residents.AnyAsync(r => r.Id == id, cancellationToken))
            return Problems.NoSuch("resident");
        var picture = await ReadBodyAsync(http.Request, HolderPhoto.MaxUploadBytes, cancellationToken);
        if (picture is null)
            return Problems.PayloadTooLarge(HolderPhoto.MaxUploadBytes);
        var result = HolderPhoto.Normalize(picture);
        if (!result.Accepted)
            return PhotoProblems.Refused(result.Refusal!.Value);

        var photo = await PhotoStore.AddAsync(db, id, PhotoSource.Desk, result.Jpeg, TakenBy(http.User), time.GetUtcNow(), cancellationToken);
        audit.Record("resident.photo-taken", id, $"desk photo version {photo.Version}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/residents/{id}/photos", Describe(photo, links.For(photo.Id, http.User, PhotoAudience.Officer)));
    }

    public static async Task<Results<Ok<ResidentPhotosResponse>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, PermitDbContext db, IAuditTrail audit, PhotoLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(links);
        if (!await db.Residents.AnyAsync(r => r.Id == id, cancellationToken))
            return Problems.NoSuch("resident");
        var photos = await PhotoStore.Of(db, id).OrderByDescending(p => p.TakenAt)
            .Select(p => new { p.Id, p.Source, p.Version, p.TakenBy, p.TakenAt }).ToListAsync(cancellationToken);
        PhotoVersionResponse Link(Guid photoId, PhotoSource source, int version, string takenBy, DateTimeOffset at) =>
            new(SourceName(source), version, takenBy, at, links.For(photoId, user, PhotoAudience.Officer));
        var desk = photos.Where(p => p.Source == PhotoSource.Desk).MaxBy(p => p.Version);
        var card = photos.Where(p => p.Source == PhotoSource.IdCard).MaxBy(p => p.Version);
        audit.Record("resident.photos-read", id, "resident page at the registration desk");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ResidentPhotosResponse(
            desk is null ? null : Link(desk.Id, desk.Source, desk.Version, desk.TakenBy, desk.TakenAt),
            card is null ? null : Link(card.Id, card.Source, card.Version, card.TakenBy, card.TakenAt),
            [.. photos.Select(p => new PhotoVersionResponse(SourceName(p.Source), p.Version, p.TakenBy, p.TakenAt, null))]));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FetchAsync(
        string token, HttpContext http, PermitDbContext db, IAuditTrail audit, PhotoLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(links);
        if (links.Open(token, http.User) is not { } link)
            return PhotoProblems.LinkRefused();
        var photo = await db.Set<ResidentPhoto>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == link.PhotoId, cancellationToken);
        if (photo is null)
            return PhotoProblems.LinkRefused();
        var image = photo.Open(db.RequireCitizenIdProtector());
        audit.Record("resident.photo-read", photo.ResidentId,
            $"{SourceName(photo.Source)} photo version {photo.Version} by a {link.Audience.ToString().ToLowerInvariant()}'s photo link");
        await db.SaveChangesAsync(cancellationToken);
        http.Response.Headers.CacheControl = "no-store, private";
        return TypedResults.File(image, ContentTypeOf(image));
    }

    public static PhotoVersionResponse Describe(ResidentPhoto photo, string? link)
    {
        ArgumentNullException.ThrowIfNull(photo);
        return new(SourceName(photo.Source), photo.Version, photo.TakenBy, photo.TakenAt, link);
    }

    public static string TakenBy(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return $"{user.FindFirstValue(PermitClaims.Subject)} {user.FindFirstValue(PermitClaims.Name)}".Trim();
    }

    private static string SourceName(PhotoSource source) => source == PhotoSource.Desk ? "desk" : "idCard";

    public static string ContentTypeOf(ReadOnlySpan<byte> image) => image switch
    {
        [0xFF, 0xD8, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, ..] => "image/png",
        [0x42, 0x4D, ..] => "image/bmp",
        _ => "application/octet-stream",
    };

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (a chunked upload has no Content-Length).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

/// <summary>Registration of the photo services (one line in Program.cs).</summary>
public static class PhotosSetup
{
    public static IServiceCollection AddPhotos(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<PhotoLinks>();
        return services;
    }
}
