using Permit.Api.Persistence;

namespace Permit.Api.Audit;

/// <summary><c>audit verify</c>: exit code 0 when the chain holds, 1 naming the first broken link.</summary>
public static class AuditCli
{
    public static async Task<int> VerifyAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PermitDbContext>();
        var result = await AuditVerifier.VerifyAsync(db, cancellationToken).ConfigureAwait(false);
        if (result.FirstBroken is { } broken)
        {
            await output.WriteLineAsync(
                $"Audit chain BROKEN at sequence {broken.Sequence}, entry {broken.EntryId}: {broken.Reason} " +
                $"({result.VerifiedEntries} entries before it verified).").ConfigureAwait(false);
            return 1;
        }

        await output.WriteLineAsync($"Audit chain intact: {result.VerifiedEntries} entries verified.").ConfigureAwait(false);
        return 0;
    }
}
