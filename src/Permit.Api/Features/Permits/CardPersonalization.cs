using Permit.Domain.Permits;

namespace Permit.Api.Features.Permits;

/// <summary>
/// The binding of one chip (serial and its own key, EF.CHIPKEY) to card <see cref="CardSequence"/> of a permit, with
/// the files the API issued for it kept as SHA-256 hashes. The first prepare binds the chip; files are signed again only
/// for that same chip (a repeat), never for another, until the officer abandons it (<see cref="Abandon"/>): its key
/// then goes on the issuer's status list and a new <see cref="Attempt"/> may bind another chip. The card counts as
/// issued only when the agent confirms, with the chip's answer to a server challenge, that it read back exactly these
/// files from this chip after activating it. A chip pulled out before activation makes a new key at its next
/// personalization, so it is abandoned and bound again.
/// </summary>
public sealed class CardPersonalization
{
    private CardPersonalization()
    {
        Serial = null!;
        KeyId = PermitFileHash = PhotoFileHash = ChipKeyFileHash = SignatureFileHash = null!;
    }

    public CardPersonalization(Guid permitId, int cardSequence, int attempt, CardSerialNumber serial, CardFileSet files, DateTimeOffset preparedAt)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempt);
        Id = Guid.CreateVersion7(preparedAt);
        PermitId = permitId;
        CardSequence = cardSequence;
        Attempt = attempt;
        Serial = serial;
        ChipKey = files.ChipKeyFile;
        KeyId = PermitFileHash = PhotoFileHash = SignatureFileHash = null!;
        ChipKeyFileHash = CardFileSet.Hash(files.ChipKeyFile);
        Prepare(files, preparedAt);
    }

    /// <summary>The reason an officer gives for abandoning a chip: required, at most this long.</summary>
    public const int AbandonReasonMaxLength = 200;

    public Guid Id { get; private set; }

    public Guid PermitId { get; private set; }

    public int CardSequence { get; private set; }

    /// <summary>1 for the first chip bound to this card, one more after each abandoned chip (unique per card).</summary>
    public int Attempt { get; private set; }

    public CardSerialNumber Serial { get; private set; }

    /// <summary>The bound chip's EF.CHIPKEY object (70 bytes), to verify its answers to server challenges. Null only on
    /// rows written before chips were bound; a repeat of prepare with the same chip fills it.</summary>
    public byte[]? ChipKey { get; private set; }

    /// <summary>When the officer abandoned this chip; its key is then on the status list (<c>ac</c>).</summary>
    public DateTimeOffset? AbandonedAt { get; private set; }

    public string? AbandonReason { get; private set; }

    public bool IsAbandoned => AbandonedAt is not null;

    /// <summary>The issuer key (hex id) that signed EF.SIG.</summary>
    public string KeyId { get; private set; }

    public string PermitFileHash { get; private set; }

    public string PhotoFileHash { get; private set; }

    public string ChipKeyFileHash { get; private set; }

    public string SignatureFileHash { get; private set; }

    public DateTimeOffset PreparedAt { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public bool IsConfirmed => ConfirmedAt is not null;

    /// <summary>True when this is the bound chip: the same serial and the same EF.CHIPKEY.</summary>
    public bool IsBoundTo(CardSerialNumber serial, ReadOnlySpan<byte> chipKeyFile) =>
        Serial == serial && string.Equals(ChipKeyFileHash, CardFileSet.Hash(chipKeyFile), StringComparison.Ordinal);

    /// <summary>The bound chip asks again (a repeat after a lost answer): these files, signed anew, replace the earlier ones.</summary>
    /// <exception cref="InvalidOperationException">Another chip, an abandoned one, or a card already confirmed.</exception>
    public void Prepare(CardFileSet files, DateTimeOffset preparedAt)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (IsConfirmed)
            throw new InvalidOperationException("An activated card's files cannot be replaced.");
        if (IsAbandoned)
            throw new InvalidOperationException("An abandoned chip gets no files.");
        if (!string.Equals(ChipKeyFileHash, CardFileSet.Hash(files.ChipKeyFile), StringComparison.Ordinal))
            throw new InvalidOperationException("Files are signed only for the chip key bound to this card.");
        ChipKey = files.ChipKeyFile;
        KeyId = files.KeyId;
        PermitFileHash = CardFileSet.Hash(files.PermitFile);
        PhotoFileHash = CardFileSet.Hash(files.PhotoFile);
        SignatureFileHash = CardFileSet.Hash(files.SignatureFile);
        PreparedAt = preparedAt;
    }

    /// <summary>The officer gives up on this chip before its card was confirmed; its key goes on the status list.</summary>
    /// <exception cref="InvalidOperationException">The card was confirmed (report it lost instead), or already abandoned.</exception>
    public void Abandon(string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (IsConfirmed)
            throw new InvalidOperationException("An issued card is reported lost, not abandoned.");
        if (IsAbandoned)
            throw new InvalidOperationException("This chip was already abandoned.");
        // Whole seconds, as the status list's thisUpdate. Whether a list has it is told by the status change marker
        // this save moves (StatusChangeMarker), not by comparing the two times.
        AbandonedAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        AbandonReason = reason.Trim() is { Length: <= AbandonReasonMaxLength } trimmed
            ? trimmed
            : throw new ArgumentException($"A reason is at most {AbandonReasonMaxLength} characters.", nameof(reason));
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
