namespace Permit.Api.Features.Photos;

/// <summary>Where a holder's photo came from.</summary>
public enum PhotoSource
{
    /// <summary>Taken by the desk camera or uploaded by the officer, normalized to the permit photo (docs/photos.md).</summary>
    Desk = 1,

    /// <summary>The ID card's own photo as the reader delivered it (JPEG, PNG or BMP), kept for the officer to compare.</summary>
    IdCard = 2,
}

/// <summary>
/// One version of a resident's photo, sealed with the field key (AES-256-GCM) under a purpose naming this row, so the
/// ciphertext cannot be moved to another resident or row. Versions count up per resident and source; the highest
/// desk version is the holder's photo. Who took it and when is kept beside it; the picture is never in clear in the
/// database, a backup or a log.
/// </summary>
public sealed class ResidentPhoto
{
    public const int TakenByMaxLength = 100;

    private ResidentPhoto()
    {
        Sealed = [];
        TakenBy = null!;
    }

    public ResidentPhoto(Guid residentId, PhotoSource source, int version, string takenBy, DateTimeOffset takenAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        ArgumentException.ThrowIfNullOrWhiteSpace(takenBy);
        Id = Guid.CreateVersion7(takenAt);
        ResidentId = residentId;
        Source = source;
        Version = version;
        TakenBy = takenBy.Length > TakenByMaxLength ? takenBy[..TakenByMaxLength] : takenBy;
        TakenAt = takenAt;
        Sealed = [];
    }

    public Guid Id { get; private set; }

    public Guid ResidentId { get; private set; }

    public PhotoSource Source { get; private set; }

    /// <summary>1, 2, … per resident and source (unique).</summary>
    public int Version { get; private set; }

    /// <summary>nonce ‖ ciphertext ‖ tag of the image bytes.</summary>
    public byte[] Sealed { get; private set; }

    /// <summary>The field key version <see cref="Sealed"/> was made with.</summary>
    public int KeyVersion { get; private set; }

    /// <summary>The officer's account id and name ("id name"), or "agent …" for a reader's photo.</summary>
    public string TakenBy { get; private set; }

    public DateTimeOffset TakenAt { get; private set; }

    /// <summary>The associated-data purpose of this row's ciphertext.</summary>
    public string Purpose => $"permit/photo/{Id:N}";

    public void Seal(Security.Fields.CitizenIdProtector protector, ReadOnlySpan<byte> image)
    {
        ArgumentNullException.ThrowIfNull(protector);
        (Sealed, KeyVersion) = protector.ProtectBytes(image, Purpose);
    }

    /// <exception cref="System.Security.Cryptography.CryptographicException">Tampered with, moved from another row, or its key is missing.</exception>
    public byte[] Open(Security.Fields.CitizenIdProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        return protector.UnprotectBytes(Sealed, KeyVersion, Purpose);
    }
}
