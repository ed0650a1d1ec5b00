using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Permit.Api.Keys;

namespace Permit.Api.Security.Nodes;

/// <summary>
/// ASP.NET Data Protection (the keys of session cookies and antiforgery tokens) shared by every API node: the key ring
/// lives in the database (table <c>DataProtectionKeys</c>), each key's XML encrypted with AES-256-GCM under
/// <see cref="KeyFile"/> from the key directory, so a database dump alone cannot forge a session. All nodes use the
/// same application name (<c>DataProtection:ApplicationName</c>), so a cookie issued by one opens the others.
/// </summary>
public static class SharedDataProtection
{
    public const string Section = "DataProtection";
    public const string KeyFile = "data-protection-xml.key";
    public const string DefaultApplicationName = "Permit";

    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services)
    {
        services.AddSingleton(sp => new DataProtectionXmlKey(
            sp.GetRequiredService<KeyDirectory>().ReadOrCreateSecret(KeyFile, DataProtectionKeys.KeyLength)));
        services.AddDataProtection().PersistKeysToDbContext<PermitDbContext>();
        // What SetApplicationName does, read from configuration when options are built.
        services.AddOptions<DataProtectionOptions>().Configure<IConfiguration>((options, configuration) =>
            options.ApplicationDiscriminator =
                configuration[$"{Section}:ApplicationName"] is { Length: > 0 } name ? name : DefaultApplicationName);
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceProvider>((options, sp) => options.XmlEncryptor = new KeyDirectoryXmlEncryptor(sp));
        services.AddHostedService<DataProtectionWarmUp>();
        return services;
    }
}

/// <summary>The 32-byte key that encrypts the Data Protection key ring at rest.</summary>
public sealed class DataProtectionXmlKey(byte[] key)
{
    internal byte[] Key { get; } = key.Length == DataProtectionKeys.KeyLength
        ? key : throw new ArgumentException("The data protection XML key is 32 bytes.", nameof(key));

    public override string ToString() => nameof(DataProtectionXmlKey);
}

/// <summary>Encrypts a key's XML as <c>&lt;encryptedKey&gt;base64(nonce | tag | ciphertext)&lt;/encryptedKey&gt;</c>.</summary>
public sealed class KeyDirectoryXmlEncryptor(IServiceProvider services) : IXmlEncryptor
{
    internal const int NonceLength = 12;
    internal const int TagLength = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var key = services.GetRequiredService<DataProtectionXmlKey>().Key;
        var plain = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceLength + TagLength + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key, TagLength))
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceLength + TagLength), sealedBytes.AsSpan(NonceLength, TagLength));
        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement("encryptedKey",
            new XComment(" Encrypted with AES-256-GCM under the key directory's data-protection-xml.key. "),
            Convert.ToBase64String(sealedBytes));
        return new EncryptedXmlInfo(element, typeof(KeyDirectoryXmlDecryptor));
    }
}

/// <summary>Decrypts what <see cref="KeyDirectoryXmlEncryptor"/> wrote; a wrong key or an altered row fails loudly.</summary>
public sealed class KeyDirectoryXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var key = services.GetRequiredService<DataProtectionXmlKey>().Key;
        var sealedBytes = Convert.FromBase64String(encryptedElement.Value.Trim());
        const int header = KeyDirectoryXmlEncryptor.NonceLength + KeyDirectoryXmlEncryptor.TagLength;
        if (sealedBytes.Length <= header)
            throw new CryptographicException("The encrypted data protection key is too short.");
        var plain = new byte[sealedBytes.Length - header];
        using (var aes = new AesGcm(key, KeyDirectoryXmlEncryptor.TagLength))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, KeyDirectoryXmlEncryptor.NonceLength), sealedBytes.AsSpan(header),
                sealedBytes.AsSpan(KeyDirectoryXmlEncryptor.NonceLength, KeyDirectoryXmlEncryptor.TagLength), plain);
        }

        try
        {
            return XElement.Parse(System.Text.Encoding.UTF8.GetString(plain));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}

/// <summary>
/// Makes sure the key ring has a key as the node starts (creating it on the first node), so nodes started one after the
/// other share one key from the first request instead of each making its own.
/// </summary>
internal sealed class DataProtectionWarmUp(IDataProtectionProvider provider) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        provider.CreateProtector("Permit.WarmUp").Protect([1]);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
