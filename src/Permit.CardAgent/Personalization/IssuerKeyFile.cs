using System.Security.Cryptography;
using Permit.Domain.Credentials;
using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Credentials.Signing;
using Permit.Domain.Credentials.Trust;

namespace Permit.CardAgent.Personalization;

/// <summary>Loads the key and list files the agent is pointed at. Messages name the file, never its content.</summary>
public static class KeyFiles
{
    /// <summary>A P-256 private key in PEM (<c>EC PRIVATE KEY</c> or PKCS#8 <c>PRIVATE KEY</c>); the caller disposes it.</summary>
    public static ECDsa LoadIssuerPrivateKey(string path)
    {
        var pem = ReadText(path, "issuer key");
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (!P256.IsP256(key))
                throw AgentException.DataInvalid($"The issuer key {path} is not a P-256 key.");
            _ = key.ExportParameters(includePrivateParameters: true);
            return key;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw AgentException.DataInvalid($"The issuer key {path} is not a P-256 private key in PEM form.", e);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Every PUBLIC KEY block of every file (one or more issuer keys per file).</summary>
    public static TrustList LoadTrustList(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var keys = new List<TrustedIssuerKey>();
        foreach (var path in paths)
        {
            var text = ReadText(path, "trusted issuer key");
            var list = text.TrimStart().StartsWith('{') ? TrustListImport.FromJson(text) : TrustListImport.FromPem(text);
            if (!list.IsValid)
                throw AgentException.DataInvalid($"The trust file {path} holds no usable issuer key ({list.Error}).");
            keys.AddRange(list.Value!.Keys.Where(k => !keys.Any(known => known.KeyIdHex == k.KeyIdHex)));
        }

        return new TrustList(keys);
    }

    /// <summary>The signed revocation list, checked against the trust list.</summary>
    public static RevocationList LoadRevocationList(string path, TrustList trustList)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw AgentException.DataInvalid($"Cannot read the revocation list {path}: {e.Message}", e);
        }

        var read = RevocationListCodec.Read(bytes, trustList);
        return read.List ?? throw AgentException.DataInvalid(
            $"The revocation list {path} was refused ({read.Reason?.Code()}: {read.Error}).");
    }

    /// <summary>A transport code given as 16 hexadecimal digits (the value is never echoed back).</summary>
    public static byte[] ParseTransportCode(string hex) =>
        hex.Length == 16 && hex.All(char.IsAsciiHexDigit)
            ? Convert.FromHexString(hex)
            : throw AgentException.Usage("--transport-code must be 16 hexadecimal digits (8 bytes).");

    internal static string ReadText(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw AgentException.DataInvalid($"Cannot read the {what} file {path}: {e.Message}", e);
        }
    }

    internal static byte[] ReadBytes(string path, string what)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw AgentException.DataInvalid($"Cannot read the {what} file {path}: {e.Message}", e);
        }
    }
}
