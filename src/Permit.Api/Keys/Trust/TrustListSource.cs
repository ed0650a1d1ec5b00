using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Permit.Api.Features.Permits;
using Permit.Domain.Credentials.Signing;
using Permit.Domain.Credentials.Trust;

namespace Permit.Api.Keys.Trust;

/// <summary>
/// The root-signed trust list this installation serves and verifies credentials against: read from <c>Trust:ListFile</c>
/// and verified against <c>Trust:RootPublicKeyFile</c> at start. Outside Production, with no list file configured, a
/// development root is made in the key directory and signs a list of this API's own issuer keys, and the log says so.
/// In Production a missing or refused list stops the start: an API that cannot say which keys are trusted must not judge.
/// </summary>
public sealed partial class TrustListSource
{
    public const string DevelopmentRootKeyFile = "trust-root.dev.key.pem";
    public const string DevelopmentRootPublicFile = "trust-root.dev.pub.pem";

    private TrustListSource(byte[] signed, SignedTrustList list, bool development)
    {
        SignedBytes = signed;
        List = list;
        IsDevelopmentRoot = development;
    }

    /// <summary>The COSE_Sign1 bytes, as served.</summary>
    public byte[] SignedBytes { get; }

    public SignedTrustList List { get; }

    public bool IsDevelopmentRoot { get; }

    public static TrustListSource Load(
        IOptions<TrustOptions> options, IHostEnvironment environment, KeyDirectory keys, IssuerKeyRing ring, IOptions<PermitOptions> permits,
        TimeProvider time, ILogger<TrustListSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(time);
        var trust = options.Value;
        if (trust.ListFile is null && !environment.IsProduction())
            return Development(keys, ring, permits.Value.IssuingRegion, time, logger);
        if (trust.ListFile is null || trust.RootPublicKeyFile is null)
        {
            throw new InvalidOperationException(
                "Trust:ListFile and Trust:RootPublicKeyFile are required in Production: sign the trust list on the offline root machine " +
                "(keys sign-trust-list) and configure both files. Without them no card or QR code can be judged.");
        }

        var root = TrustRoot.FromPem(File.ReadAllText(Path.GetFullPath(trust.RootPublicKeyFile, environment.ContentRootPath)));
        if (!root.IsValid)
            throw new InvalidOperationException($"Trust:RootPublicKeyFile holds no usable P-256 public key ({root.Error}).");
        var signed = File.ReadAllBytes(Path.GetFullPath(trust.ListFile, environment.ContentRootPath));
        var read = TrustListCodec.Read(signed, root.Value!, time.GetUtcNow());
        if (!read.IsValid)
            throw new InvalidOperationException($"Trust:ListFile was refused ({read.RefusalCode}: {read.Error}).");
        if (!read.List!.Keys.TryFind(Convert.FromHexString(ring.Active.KeyId), out var active) || active.Status != TrustedKeyStatus.Active)
            LogActiveKeyNotListed(logger, ring.Active.KeyId, read.List.Version);
        LogLoaded(logger, read.List.Version, read.List.Keys.Keys.Count, root.Value!.KeyIdHex);
        return new TrustListSource(signed, read.List, development: false);
    }

    /// <summary>A list of this ring's keys (active and retired, for <paramref name="region"/>), signed by a root made here.</summary>
    private static TrustListSource Development(KeyDirectory keys, IssuerKeyRing ring, string region, TimeProvider time, ILogger logger)
    {
        if (!keys.Exists(DevelopmentRootKeyFile))
        {
            using var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            keys.CreateFile(DevelopmentRootKeyFile, Encoding.ASCII.GetBytes(created.ExportPkcs8PrivateKeyPem()));
            keys.ReplaceFile(DevelopmentRootPublicFile, Encoding.ASCII.GetBytes(created.ExportSubjectPublicKeyInfoPem()));
        }

        using var root = ECDsa.Create();
        root.ImportFromPem(keys.ReadText(DevelopmentRootKeyFile));
        var now = time.GetUtcNow();
        var list = new SignedTrustList(Math.Max(1, now.ToUnixTimeSeconds()), now, TrustListBuilder.FromRing(ring, [region]));
        var signed = TrustListCodec.Sign(list, new EcdsaIssuerSigner(root));
        LogDevelopmentRoot(logger, keys.PathOf(DevelopmentRootPublicFile));
        return new TrustListSource(signed, list, development: true);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Development trust root — not for production: the API made its own root and signed its own trust list; verifiers must pin {RootPublicKeyFile}")]
    private static partial void LogDevelopmentRoot(ILogger logger, string rootPublicKeyFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trust list v{Version} loaded: {Keys} issuer key(s), signed by trust root {RootKeyId}")]
    private static partial void LogLoaded(ILogger logger, long version, int keys, string rootKeyId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The active issuer key {KeyId} is not active on trust list v{Version}: verifiers will refuse what it signs until the root signs a list naming it")]
    private static partial void LogActiveKeyNotListed(ILogger logger, string keyId, long version);
}
