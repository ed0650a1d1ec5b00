using System.Net.Sockets;
using System.Text;

namespace Permit.Api.Audit;

/// <summary>
/// Writes signed checkpoints of the chain head to the checkpoint log (and syslog when configured), and checks the
/// chain against them: <c>audit checkpoint</c>, the 10-minute job, and <c>audit verify</c>.
/// </summary>
public static class AuditCheckpoints
{
    /// <summary>Signs the chain's current head and appends it to <paramref name="logPath"/> (one line, flushed).</summary>
    public static async Task<AuditCheckpoint> WriteAsync(
        DbContext db, AuditCheckpointKey key, string logPath, string? syslog, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(logPath);
        var head = await db.Set<AuditEntry>().AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var checkpoint = AuditCheckpoint.Sign(head?.Sequence ?? 0, head?.Hash ?? AuditCanonicalForm.GenesisHash, now, key);

        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        await using (var file = new FileStream(logPath, new FileStreamOptions
        {
            Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read, Options = FileOptions.WriteThrough,
        }))
        {
            await file.WriteAsync(Encoding.UTF8.GetBytes(checkpoint.ToLine() + "\n"), cancellationToken).ConfigureAwait(false);
        }

        if (!string.IsNullOrWhiteSpace(syslog))
            await SendToSyslogAsync(syslog, checkpoint, now, cancellationToken).ConfigureAwait(false);
        return checkpoint;
    }

    /// <summary>
    /// The chain checked against every checkpoint in <paramref name="logPath"/>: null when they agree, otherwise what is
    /// wrong, in words (a bad signature, a cut tail, a rewritten chain).
    /// </summary>
    public static async Task<string?> CheckAsync(DbContext db, AuditCheckpointKey key, string logPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(key);
        if (!File.Exists(logPath))
            return null;

        var expected = new Dictionary<long, AuditCheckpoint>();
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(logPath, cancellationToken).ConfigureAwait(false))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            if (AuditCheckpoint.Parse(line) is not { } checkpoint || !checkpoint.IsSignedBy(key))
                return $"checkpoint log line {lineNumber} has a bad signature (or is not a checkpoint): the log was tampered with or signed by another key.";
            expected[checkpoint.Sequence] = checkpoint;
        }

        if (expected.Count == 0)
            return null;
        var last = 0L;
        var rows = db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            last = row.Sequence;
            if (expected.TryGetValue(row.Sequence, out var checkpoint) && checkpoint.Hash != row.Hash)
            {
                return $"the chain was rewritten: the hash of entry {row.Sequence} differs from the checkpoint of {checkpoint.At} " +
                    "(the entries up to it were changed and re-hashed).";
            }
        }

        var highest = expected.Values.MaxBy(c => c.Sequence)!;
        if (highest.Sequence > last)
            return $"the chain ends at {last} but the checkpoint of {highest.At} says {highest.Sequence}: entries were cut from the tail.";
        if (expected.TryGetValue(0, out var genesis) && genesis.Hash != AuditCanonicalForm.GenesisHash)
            return "the checkpoint of the empty chain does not hold the genesis hash.";
        return null;
    }

    // RFC 5424 over UDP: <110> is facility 13 (log audit), severity 6 (informational).
    private static async Task SendToSyslogAsync(string target, AuditCheckpoint checkpoint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var colon = target.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(target.AsSpan(colon + 1), out var port))
            throw new InvalidOperationException($"Audit:Syslog must be host:port, not '{target}'.");
        var message = $"<110>1 {now.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'} {Environment.MachineName} permit-api - audit-checkpoint - {checkpoint.ToLine()}";
        using var udp = new UdpClient();
        await udp.SendAsync(Encoding.UTF8.GetBytes(message), target[..colon], port, cancellationToken).ConfigureAwait(false);
    }
}
