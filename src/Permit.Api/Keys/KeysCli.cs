namespace Permit.Api.Keys;

/// <summary><c>keys rotate-issuer</c> and <c>keys add-encryption-key</c>: new keys, effective at the next start.</summary>
public static class KeysCli
{
    public static async Task<int> RunAsync(IServiceProvider services, string command, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var directory = services.GetRequiredService<KeyDirectory>();
        switch (command)
        {
            case "rotate-issuer":
                var keyId = IssuerKeyRing.Rotate(directory, services.GetRequiredService<TimeProvider>());
                await output.WriteLineAsync($"New active issuer key {keyId}; earlier keys stay trusted.").ConfigureAwait(false);
                return 0;
            case "add-encryption-key":
                var version = DataProtectionKeys.AddEncryptionKey(directory);
                await output.WriteLineAsync($"Citizen ID encryption key version {version} added.").ConfigureAwait(false);
                return 0;
            default:
                await output.WriteLineAsync("keys rotate-issuer | keys add-encryption-key").ConfigureAwait(false);
                return 2;
        }
    }
}
