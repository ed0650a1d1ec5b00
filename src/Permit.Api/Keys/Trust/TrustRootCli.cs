using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Permit.Api.Features.Permits;
using Permit.Domain.Common;
using Permit.Domain.Credentials.Signing;
using Permit.Domain.Credentials.Trust;

namespace Permit.Api.Keys.Trust;

/// <summary>
/// The trust root's commands, run before the database is touched (the root machine is offline and has none):
/// <list type="bullet">
/// <item><c>keys root init --out DIR</c>: a new root key pair, <c>trust-root.key.pem</c> (PKCS#8, 0600) and
///   <c>trust-root.pub.pem</c> (the public key every verifier pins).</item>
/// <item><c>keys sign-trust-list --root KEY --out FILE [--version N] [--local [--local-regions R,R] [--revoke KID]...]
///   [--issuer PUB.pem [--status active|retired|revoked] [--regions R,R] [--not-before DATE] [--not-after DATE] [--label TEXT]]...</c>:
///   the signed list (docs/trust-list.md). <c>--local</c> names this API's issuer keys (from <c>Keys:Directory</c>, active or
///   retired as the key ring says, regions <c>Permits:IssuingRegion</c> unless given); each <c>--issuer</c> names another
///   issuer's public key, and the options after it describe that key. The version defaults to the current Unix time, so a
///   later list always has a higher one.</item>
/// </list>
/// </summary>
public static class TrustRootCli
{
    public const string RootKeyFile = "trust-root.key.pem";
    public const string RootPublicFile = "trust-root.pub.pem";

    /// <summary><c>keys root init --out DIR</c>; exit 2 naming the problem (an existing root key is never overwritten).</summary>
    public static Task<int> InitAsync(string directory, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(output);
        return GuardAsync(() => InitAsync(directory, output), error);
    }

    /// <summary>
    /// <c>keys sign-trust-list</c> with its options in the order given (the options after an <c>--issuer</c> describe that
    /// key, so order matters): each an option's name and its value (null for <c>--local</c>). Exit 2 naming the problem.
    /// </summary>
    public static Task<int> SignAsync(IServiceProvider services, IReadOnlyList<(string Name, string? Value)> options, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        return GuardAsync(() => SignAsync(services, options, output), error);
    }

    private static async Task<int> GuardAsync(Func<Task<int>> run, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IOException or CryptographicException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"keys: {e.Message}").ConfigureAwait(false);
            return 2;
        }
    }

    private static async Task<int> InitAsync(string directory, TextWriter output)
    {
        var keys = new KeyDirectory(directory);
        if (keys.Exists(RootKeyFile))
            throw new IOException($"{keys.PathOf(RootKeyFile)} exists already; a root key is never overwritten.");
        using var root = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        keys.CreateFile(RootKeyFile, Encoding.ASCII.GetBytes(root.ExportPkcs8PrivateKeyPem()));
        await File.WriteAllTextAsync(keys.PathOf(RootPublicFile), root.ExportSubjectPublicKeyInfoPem()).ConfigureAwait(false);
        await output.WriteLineAsync(
            $"Trust root {IssuerKeyId.ToHex(IssuerKeyId.FromKey(root))} created: private key {keys.PathOf(RootKeyFile)} (keep it offline), " +
            $"public key {keys.PathOf(RootPublicFile)} (install it on every verifier as Agent:TrustRootPublicKeyFile / Trust:RootPublicKeyFile).").ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> SignAsync(IServiceProvider services, IReadOnlyList<(string Name, string? Value)> options, TextWriter output)
    {
        string? rootFile = null, outFile = null;
        long? version = null;
        var local = false;
        string[]? localRegions = null;
        var revoked = new HashSet<string>(StringComparer.Ordinal);
        var issuers = new List<IssuerSpec>();
        foreach (var (name, given) in options)
        {
            if (name == "--local")
            {
                local = true;
                continue;
            }

            var value = given ?? throw new ArgumentException($"{name} needs a value.");
            var current = issuers.Count > 0 ? issuers[^1] : null;
            switch (name)
            {
                case "--root": rootFile = value; break;
                case "--out": outFile = value; break;
                case "--version": version = long.Parse(value, CultureInfo.InvariantCulture); break;
                case "--local-regions": localRegions = Regions(value); break;
                case "--revoke": revoked.Add(value.ToLowerInvariant()); break;
                case "--issuer": issuers.Add(new IssuerSpec(value)); break;
                case "--status" when current is not null:
                    current.Status = TrustListCodec.ParseStatus(value) ?? throw new ArgumentException("--status is active, retired or revoked.");
                    break;
                case "--regions" when current is not null: current.Regions = Regions(value); break;
                case "--not-before" when current is not null: current.NotBefore = Date(value); break;
                case "--not-after" when current is not null: current.NotAfter = Date(value); break;
                case "--label" when current is not null: current.Label = value; break;
                default: throw new ArgumentException($"{name} describes an issuer key: it follows an --issuer.");
            }
        }

        if (rootFile is null || outFile is null)
            throw new ArgumentException("--root KEY and --out FILE are required.");
        if (!local && issuers.Count == 0)
            throw new ArgumentException("Name the issuer keys: --local (this API's key ring) and/or --issuer PUB.pem ...");

        var keys = new List<TrustedIssuerKey>();
        if (local)
        {
            var region = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PermitOptions>>().Value.IssuingRegion;
            keys.AddRange(TrustListBuilder.FromRing(services.GetRequiredService<IssuerKeyRing>(), localRegions ?? [region], revoked).Keys);
        }

        foreach (var issuer in issuers)
        {
            var read = TrustListImport.FromPem(await File.ReadAllTextAsync(issuer.File).ConfigureAwait(false));
            if (!read.IsValid || read.Value!.Keys.Count != 1)
                throw new ArgumentException($"{issuer.File} must hold exactly one P-256 PUBLIC KEY ({read.Error ?? "it holds several"}).");
            var key = read.Value.Keys.Single();
            keys.RemoveAll(k => k.KeyIdHex == key.KeyIdHex);
            keys.Add(TrustedIssuerKey.FromSubjectPublicKeyInfo(key.SubjectPublicKeyInfo, issuer.Label)
                .WithPolicy(issuer.Status, issuer.NotBefore, issuer.NotAfter, issuer.Regions ?? throw new ArgumentException($"--regions is required for --issuer {issuer.File}.")));
        }

        using var root = ECDsa.Create();
        root.ImportFromPem(await File.ReadAllTextAsync(rootFile).ConfigureAwait(false));
        if (!P256.IsP256(root))
            throw new ArgumentException($"{rootFile} is not a P-256 private key.");
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var list = new SignedTrustList(version ?? now.ToUnixTimeSeconds(), now, new TrustList(keys));
        await File.WriteAllBytesAsync(outFile, TrustListCodec.Sign(list, new EcdsaIssuerSigner(root))).ConfigureAwait(false);
        await output.WriteLineAsync(
            $"Trust list v{list.Version} with {keys.Count} issuer key(s) signed by trust root {IssuerKeyId.ToHex(IssuerKeyId.FromKey(root))}: {outFile}").ConfigureAwait(false);
        foreach (var key in keys)
        {
            await output.WriteLineAsync($"  {key.KeyIdHex} {TrustListCodec.StatusName(key.Status)} regions {string.Join(',', key.Regions ?? [])}").ConfigureAwait(false);
        }

        return 0;
    }

    private static string[] Regions(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // A date is midnight in China (UTC+8), the day permits and cards are dated by.
    private static DateTimeOffset Date(string value) =>
        ChinaDate.StartOf(DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture));

    private sealed class IssuerSpec(string file)
    {
        public string File { get; } = file;

        public TrustedKeyStatus Status { get; set; } = TrustedKeyStatus.Active;

        public string[]? Regions { get; set; }

        public DateTimeOffset? NotBefore { get; set; }

        public DateTimeOffset? NotAfter { get; set; }

        public string? Label { get; set; }
    }
}
