namespace Permit.Api.Features.Photos;

/// <summary>One version of a photo as the resident page lists it; <paramref name="Link"/> is a two-minute photo link.</summary>
public sealed record PhotoVersionResponse(string Source, int Version, string TakenBy, DateTimeOffset TakenAt, string? Link);

/// <summary>The resident's photos: the holder's (desk) and the ID card's, latest first, each with a fresh link.</summary>
public sealed record ResidentPhotosResponse(PhotoVersionResponse? Desk, PhotoVersionResponse? IdCard, IReadOnlyList<PhotoVersionResponse> History);
