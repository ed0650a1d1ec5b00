using Permit.Domain.Permits;

namespace Permit.Api.Features.Personalization;

/// <summary>
/// The card files the API issued for one blank chip (by serial) to become card <see cref="CardSequence"/> of a permit,
/// kept as their SHA-256 hashes. The card counts as issued only when the agent confirms that it read back exactly these
/// files from this chip after activating it. A chip pulled out before activation is personalized again: its row is
/// replaced with the new files (a fresh chip key makes them differ).
/// </summary>
public sealed class CardPersonalization
{
    private CardPersonalization()
    {
        Serial = null!;
        KeyId = PermitFileHash = PhotoFileHash = ChipKeyFileHash = SignatureFileHash = null!;
    }

    public CardPersonalization(Guid permitId, int cardSequence, CardSerialNumber serial, CardFileSet files, DateTimeOffset preparedAt)
    {
        Id = Guid.CreateVersion7(preparedAt);
        PermitId = permitId;
        CardSequence = cardSequence;
        Serial = serial;
        KeyId = PermitFileHash = PhotoFileHash = ChipKeyFileHash = SignatureFileHash = null!;
        Prepare(files, preparedAt);
    }

    public Guid Id { get; private set; }

    public Guid PermitId { get; private set; }

    public int CardSequence { get; private set; }

    public CardSerialNumber Serial { get; private set; }

    /// <summary>The issuer key (hex id) that signed EF.SIG.</summary>
    public string KeyId { get; private set; }

    public string PermitFileHash { get; private set; }

    public string PhotoFileHash { get; private set; }

    public string ChipKeyFileHash { get; private set; }

    public string SignatureFileHash { get; private set; }

    public DateTimeOffset PreparedAt { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public bool IsConfirmed => ConfirmedAt is not null;

    /// <summary>The chip is personalized again (pulled out before ACTIVATE): these files replace the earlier ones.</summary>
    public void Prepare(CardFileSet files, DateTimeOffset preparedAt)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (IsConfirmed)
            throw new InvalidOperationException("An activated card's files cannot be replaced.");
        KeyId = files.KeyId;
        PermitFileHash = CardFileSet.Hash(files.PermitFile);
        PhotoFileHash = CardFileSet.Hash(files.PhotoFile);
        ChipKeyFileHash = CardFileSet.Hash(files.ChipKeyFile);
        SignatureFileHash = CardFileSet.Hash(files.SignatureFile);
        PreparedAt = preparedAt;
    }

    /// <summary>True when the hashes the agent read back are the ones issued (hex, either case).</summary>
    public bool Matches(ReadBackHashes readBack)
    {
        ArgumentNullException.ThrowIfNull(readBack);
        return Same(PermitFileHash, readBack.PermitFile) && Same(PhotoFileHash, readBack.PhotoFile)
            && Same(ChipKeyFileHash, readBack.ChipKeyFile) && Same(SignatureFileHash, readBack.SignatureFile);
    }

    public void MarkConfirmed(DateTimeOffset now) => ConfirmedAt ??= now;

    private static bool Same(string issued, string? readBack) =>
        readBack is not null && string.Equals(issued, readBack.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>SHA-256 (hex) of each card file as the agent read it back after writing.</summary>
public sealed record ReadBackHashes(string? PermitFile, string? PhotoFile, string? ChipKeyFile, string? SignatureFile);
