using Microsoft.Extensions.Options;
using Permit.Api.Security.Fields;

namespace Permit.Api.Keys;

/// <summary>
/// <c>keys init</c> (the only way production keys are made), <c>keys rotate-issuer</c>, <c>keys add-encryption-key</c>
/// and <c>keys rotate-field-key [batch size]</c>; their command line is <see cref="Infrastructure.Tasks.ApiCommandLine"/>.
/// </summary>
public static class KeysCli
{
    /// <summary><c>keys init</c>, run before the database is touched: the API cannot open it without keys.</summary>
    public static Task<int> InitAsync(IServiceProvider services, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        return InitAsync(services.GetRequiredService<KeyDirectory>(), services.GetRequiredService<TimeProvider>(), output);
    }

    public static async Task<int> RotateIssuerAsync(IServiceProvider services, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var keyId = IssuerKeyRing.Rotate(services.GetRequiredService<KeyDirectory>().ForInit(), services.GetRequiredService<TimeProvider>());
        await output.WriteLineAsync($"New active issuer key {keyId}; earlier keys stay trusted.").ConfigureAwait(false);
        return 0;
    }

    public static async Task<int> AddEncryptionKeyAsync(IServiceProvider services, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var version = DataProtectionKeys.AddEncryptionKey(services.GetRequiredService<KeyDirectory>().ForInit());
        await output.WriteLineAsync($"Citizen ID encryption key version {version} added.").ConfigureAwait(false);
        return 0;
    }

    public static Task<int> RotateFieldKeyAsync(IServiceProvider services, int? batchSize, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        return RotateFieldKeyAsync(services, services.GetRequiredService<KeyDirectory>().ForInit(), batchSize ?? FieldKeyRotation.DefaultBatchSize, output, cancellationToken);
    }

    /// <summary>Creates every missing key (never replaces one) and lists what the directory holds.</summary>
    public static async Task<int> InitAsync(KeyDirectory directory, TimeProvider time, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(output);
        directory = directory.ForInit();
        var before = directory.FileNames("*").ToHashSet(StringComparer.Ordinal);
        DataProtectionKeys.LoadOrCreate(directory);
        IssuerKeyRing.LoadOrCreate(directory, time).Dispose();
        Audit.AuditCheckpointKey.LoadOrCreate(directory).Dispose();
        Security.Agents.AgentKeys.LoadOrCreate(directory).Dispose();
        directory.ReadOrCreateSecret(Security.Nodes.SharedDataProtection.KeyFile, DataProtectionKeys.KeyLength);
        var created = directory.FileNames("*").Where(f => !before.Contains(f) && !f.EndsWith(".tmp", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        await output.WriteLineAsync(created.Count == 0
            ? $"Key directory {directory.Path}: every key present, nothing created."
            : $"Key directory {directory.Path}: created {string.Join(", ", created)}. Back it up now, apart from the database.").ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> RotateFieldKeyAsync(
        IServiceProvider services, KeyDirectory directory, int batchSize, TextWriter output, CancellationToken cancellationToken)
    {
        string connectionString;
        await using (var scope = services.CreateAsyncScope())
            connectionString = scope.ServiceProvider.GetRequiredService<PermitDbContext>().Database.GetConnectionString()!;
        var provider = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;

        // Resume an interrupted rotation (rows behind the newest key) before adding yet another key.
        var keys = DataProtectionKeys.LoadOrCreate(directory);
        await using (var probe = PermitDatabase.CreateContext(provider, connectionString, new CitizenIdProtector(keys)))
        {
            if (await FieldKeyRotation.CountBehindAsync(probe, keys.ActiveEncryptionVersion, cancellationToken).ConfigureAwait(false) == 0)
            {
                var added = DataProtectionKeys.AddEncryptionKey(directory);
                keys = DataProtectionKeys.LoadOrCreate(directory);
                await output.WriteLineAsync($"Field key version {added} added.").ConfigureAwait(false);
            }
            else
            {
                await output.WriteLineAsync($"Resuming the rotation to field key version {keys.ActiveEncryptionVersion}.").ConfigureAwait(false);
            }
        }

        await using var db = PermitDatabase.CreateContext(provider, connectionString, new CitizenIdProtector(keys));
        var total = await FieldKeyRotation.RunAsync(db, keys.ActiveEncryptionVersion, batchSize,
            p => output.WriteLine($"{p.Table}: {p.Rewritten} re-encrypted, {p.Remaining} to go"), cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(
            $"{total} row(s) now sealed with field key version {keys.ActiveEncryptionVersion}. Restart every API node so they " +
            "encrypt with it, then run this command again to catch rows written meanwhile; keep the older key files: they " +
            "still open backups.").ConfigureAwait(false);
        return 0;
    }
}
