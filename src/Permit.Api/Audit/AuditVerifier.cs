namespace Permit.Api.Audit;

/// <summary>Walks the chain from the first entry and names the first link that does not hold.</summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(DbContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var expectedSequence = 1L;
        var previousHash = AuditCanonicalForm.GenesisHash;
        var entries = context.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var problem =
                entry.Sequence != expectedSequence ? $"sequence {expectedSequence} is missing"
                : entry.PreviousHash != previousHash ? "its previous hash is not the hash of the entry before it"
                : AuditCanonicalForm.HashOf(entry) != entry.Hash ? "its content does not match its hash"
                : null;
            if (problem is not null)
                return new AuditVerification(expectedSequence - 1, new AuditBrokenLink(entry.Sequence, entry.Id, problem));

            previousHash = entry.Hash;
            expectedSequence++;
        }

        return new AuditVerification(expectedSequence - 1, null);
    }
}

/// <summary>The outcome: how many entries verified, and the first broken link if any.</summary>
public sealed record AuditVerification(long VerifiedEntries, AuditBrokenLink? FirstBroken)
{
    public bool IsIntact => FirstBroken is null;
}

/// <summary>The first entry whose link fails, by sequence number and id, and why.</summary>
public sealed record AuditBrokenLink(long Sequence, Guid EntryId, string Reason);
