using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Permit.Domain.Credentials.Signing;
using Permit.Domain.Credentials.Trust;

namespace Permit.Api.Keys;

/// <summary>
/// The issuer's ECDSA P-256 signing keys in the key directory: one PKCS#8 PEM file per key
/// (<c>issuer-&lt;keyid&gt;.key.pem</c>, key id = first 8 bytes of SHA-256 over the SPKI, hex) and a manifest
/// <c>issuer-keys.json</c> naming each key's status and creation time. Exactly one key is active and signs; retired
/// keys stay in the trust list so cards and QR codes they signed keep verifying.
/// </summary>
public sealed class IssuerKeyRing : IDisposable
{
    public const string ManifestFile = "issuer-keys.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly List<IssuerKey> _keys;

    private IssuerKeyRing(List<IssuerKey> keys)
    {
        _keys = keys;
        Active = keys.Single(k => k.Status == IssuerKeyStatus.Active);
        ActiveSigner = new EcdsaIssuerSigner(Active.PrivateKey);
    }

    public IReadOnlyList<IssuerKey> Keys => _keys;

    public IssuerKey Active { get; }

    /// <summary>Signs with the active key (EF.SIG, QR credentials, revocation lists).</summary>
    public IIssuerSigner ActiveSigner { get; }

    public static string KeyFile(string keyId) => $"issuer-{keyId}.key.pem";

    /// <summary>Loads the ring, creating the first active key when the directory has none.</summary>
    public static IssuerKeyRing LoadOrCreate(KeyDirectory directory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(time);
        if (!directory.Exists(ManifestFile))
        {
            directory.EnsureMayCreate(ManifestFile);
            Rotate(directory, time);
        }

        return Load(directory);
    }

    /// <summary>
    /// Creates a new active key; the previously active one is retired but stays trusted. Takes effect at the next
    /// start (or <see cref="LoadOrCreate"/>). Returns the new key's id.
    /// </summary>
    public static string Rotate(KeyDirectory directory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(time);
        var entries = directory.Exists(ManifestFile) ? ReadManifest(directory) : [];

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keyId = IssuerKeyId.ToHex(IssuerKeyId.FromKey(key));
        directory.CreateFile(KeyFile(keyId), Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem()));

        var next = entries.Select(e => e with { Status = IssuerKeyStatus.Retired }).ToList();
        next.Add(new ManifestEntry(keyId, IssuerKeyStatus.Active, time.GetUtcNow()));
        directory.ReplaceFile(ManifestFile, JsonSerializer.SerializeToUtf8Bytes(next, Json));
        return keyId;
    }

    /// <summary>Every key, active and retired, as the domain's trust list.</summary>
    public TrustList ToTrustList() =>
        new(_keys.Select(k => TrustedIssuerKey.FromKey(k.PrivateKey, k.Status == IssuerKeyStatus.Active ? "active" : "retired")));

    /// <summary>
    /// The public trust list for verifiers: <c>{"keys":[{kid, label, spki, spkiPem, status, createdAt}]}</c>. It is a
    /// superset of the form <see cref="TrustListImport.FromJson"/> reads, so verifiers can load it as is.
    /// </summary>
    public PublishedTrustList Publish() => new(_keys.Select(k =>
    {
        var spki = k.PrivateKey.ExportSubjectPublicKeyInfo();
        return new PublishedIssuerKey(
            k.KeyId, k.Status == IssuerKeyStatus.Active ? "active" : "retired", Convert.ToBase64String(spki),
            k.PrivateKey.ExportSubjectPublicKeyInfoPem(), k.Status, k.CreatedAt);
    }).ToList());

    public void Dispose()
    {
        foreach (var key in _keys)
            key.PrivateKey.Dispose();
    }

    private static IssuerKeyRing Load(KeyDirectory directory)
    {
        var keys = new List<IssuerKey>();
        foreach (var entry in ReadManifest(directory))
        {
            var key = ECDsa.Create();
            key.ImportFromPem(directory.ReadText(KeyFile(entry.KeyId)));
            if (!P256.IsP256(key) || IssuerKeyId.ToHex(IssuerKeyId.FromKey(key)) != entry.KeyId)
            {
                key.Dispose();
                throw new InvalidOperationException($"Issuer key file {KeyFile(entry.KeyId)} does not hold key {entry.KeyId}.");
            }

            keys.Add(new IssuerKey(entry.KeyId, entry.Status, entry.CreatedAt, key));
        }

        if (keys.Count(k => k.Status == IssuerKeyStatus.Active) != 1)
            throw new InvalidOperationException($"{ManifestFile} must name exactly one active issuer key.");
        return new IssuerKeyRing(keys);
    }

    private static List<ManifestEntry> ReadManifest(KeyDirectory directory) =>
        JsonSerializer.Deserialize<List<ManifestEntry>>(directory.ReadBytes(ManifestFile), Json)
        ?? throw new InvalidOperationException($"{ManifestFile} is empty.");

    private sealed record ManifestEntry(string KeyId, IssuerKeyStatus Status, DateTimeOffset CreatedAt);
}

/// <summary>One issuer key of the ring. The private key stays inside the process; only its public half is published.</summary>
public sealed record IssuerKey(string KeyId, IssuerKeyStatus Status, DateTimeOffset CreatedAt, ECDsa PrivateKey)
{
    // The private key must never reach a log through record printing.
    public override string ToString() => $"IssuerKey {{ KeyId = {KeyId}, Status = {Status}, CreatedAt = {CreatedAt:O} }}";
}

/// <summary>The published trust list document.</summary>
public sealed record PublishedTrustList(IReadOnlyList<PublishedIssuerKey> Keys);

/// <summary>One public issuer key as verifiers download it; <c>Kid</c> and <c>Spki</c> match <see cref="TrustListImport"/>.</summary>
public sealed record PublishedIssuerKey(
    string Kid, string Label, string Spki, string SpkiPem, IssuerKeyStatus Status, DateTimeOffset CreatedAt);
