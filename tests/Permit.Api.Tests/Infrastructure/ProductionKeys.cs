using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Permit.Api.Keys;
using Permit.Api.Keys.Trust;
using Permit.Domain.Credentials.Signing;
using Permit.Domain.Credentials.Trust;

namespace Permit.Api.Tests.Infrastructure;

/// <summary>
/// What an operator prepares before a Production start: a key directory made by <c>keys init</c> and a trust list signed
/// by an offline root (both TEST KEYS, in a temporary folder). Production makes no key and no trust list by itself.
/// </summary>
public sealed class ProductionKeys : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("permit-production-keys-");

    private ProductionKeys()
    {
    }

    public string KeyDirectory => Path.Combine(_folder.FullName, "keys");

    public string TrustListFile => Path.Combine(_folder.FullName, "trust-list.cose");

    public string TrustRootFile => Path.Combine(_folder.FullName, "trust-root.test.pub.pem");

    public static async Task<ProductionKeys> CreateAsync()
    {
        var keys = new ProductionKeys();
        var directory = new KeyDirectory(keys.KeyDirectory, createsMissingKeys: true, logger: null);
        await KeysCli.InitAsync(directory, TimeProvider.System, TextWriter.Null);
        using var ring = IssuerKeyRing.LoadOrCreate(directory, TimeProvider.System);
        using var root = ECDsa.Create(ECCurve.NamedCurves.nistP256);   // TEST KEY: the offline trust root
        await File.WriteAllTextAsync(keys.TrustRootFile, root.ExportSubjectPublicKeyInfoPem());
        var list = new SignedTrustList(1, DateTimeOffset.UtcNow, TrustListBuilder.FromRing(ring, ["330211"]));
        await File.WriteAllBytesAsync(keys.TrustListFile, TrustListCodec.Sign(list, new EcdsaIssuerSigner(root)));
        return keys;
    }

    /// <summary>Points a host at these keys and this trust list.</summary>
    public void Apply(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Keys:Directory", KeyDirectory);
        builder.UseSetting("Audit:CheckpointLog", Path.Combine(_folder.FullName, "audit-checkpoints.log"));
        builder.UseSetting("Trust:ListFile", TrustListFile);
        builder.UseSetting("Trust:RootPublicKeyFile", TrustRootFile);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
