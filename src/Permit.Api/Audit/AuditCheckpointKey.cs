using System.Security.Cryptography;
using System.Text;
using Permit.Api.Keys;

namespace Permit.Api.Audit;

/// <summary>
/// The ES256 (P-256) key that signs audit checkpoints: <c>audit-checkpoint.key.pem</c> in the key directory, made by
/// <c>keys init</c>. It is not the issuer key: whoever verifies the audit needs only its public half.
/// </summary>
public sealed class AuditCheckpointKey : IDisposable
{
    public const string KeyFile = "audit-checkpoint.key.pem";

    private AuditCheckpointKey(ECDsa key) => Key = key;

    public ECDsa Key { get; }

    /// <summary>First 8 bytes of SHA-256 over the public key (hex): which key signed a checkpoint.</summary>
    public string KeyId => Convert.ToHexStringLower(SHA256.HashData(Key.ExportSubjectPublicKeyInfo())[..8]);

    /// <summary>Loads the key; creates it only when the directory may create keys (<c>keys init</c>, Development).</summary>
    public static AuditCheckpointKey LoadOrCreate(KeyDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!directory.Exists(KeyFile))
        {
            directory.EnsureMayCreate(KeyFile);
            using var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            try
            {
                directory.CreateFile(KeyFile, Encoding.ASCII.GetBytes(created.ExportPkcs8PrivateKeyPem()));
            }
            catch (IOException) when (directory.Exists(KeyFile))
            {
                // Another process created it first: use theirs.
            }
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(directory.ReadText(KeyFile));
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw MissingKeyException.Unreadable(directory.PathOf(KeyFile), "not a PEM private key", e);
        }

        return new AuditCheckpointKey(key);
    }

    public byte[] Sign(byte[] content) => Key.SignData(content, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public bool Verify(byte[] content, byte[] signature) =>
        Key.VerifyData(content, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public void Dispose() => Key.Dispose();
}
