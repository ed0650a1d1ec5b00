using System.Security.Cryptography;
using System.Text.Json;

namespace Permit.Domain.Credentials.Trust;

/// <summary>
/// Reads a trust list from text a verifier was configured with or downloaded. Two forms:
/// <list type="bullet">
/// <item>JSON: <c>{"keys":[{"kid":"0123456789abcdef","label":"…","spki":"&lt;base64 DER SubjectPublicKeyInfo&gt;"}]}</c>.
///   <c>kid</c> is optional; when present it must equal the id computed from <c>spki</c>, or the list is refused.</item>
/// <item>PEM: one or more <c>-----BEGIN PUBLIC KEY-----</c> blocks (ids computed).</item>
/// </list>
/// Bad input gives a <see cref="DecodeResult{T}"/> error, never an exception.
/// </summary>
public static class TrustListImport
{
    public static DecodeResult<TrustList> FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
            {
                return DecodeResult.Malformed<TrustList>("trust list JSON has no \"keys\" array");
            }

            var list = new List<TrustedIssuerKey>();
            foreach (var entry in keys.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object
                    || !entry.TryGetProperty("spki", out var spki) || spki.ValueKind != JsonValueKind.String)
                {
                    return DecodeResult.Malformed<TrustList>($"trust list entry {list.Count + 1} has no \"spki\"");
                }

                var label = entry.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
                var key = TrustedIssuerKey.FromSubjectPublicKeyInfo(Convert.FromBase64String(spki.GetString()!), label);
                if (entry.TryGetProperty("kid", out var kid)
                    && !string.Equals(kid.GetString(), key.KeyIdHex, StringComparison.OrdinalIgnoreCase))
                {
                    return DecodeResult.Malformed<TrustList>(
                        $"trust list entry {list.Count + 1} names kid {kid.GetString()} but its key's id is {key.KeyIdHex}");
                }

                list.Add(key);
            }

            return DecodeResult.Ok(new TrustList(list));
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            return DecodeResult.Malformed<TrustList>($"trust list JSON: {e.Message}");
        }
    }

    public static DecodeResult<TrustList> FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var list = new List<TrustedIssuerKey>();
        var rest = pem.AsSpan();
        try
        {
            while (PemEncoding.TryFind(rest, out var fields))
            {
                if (rest[fields.Label].SequenceEqual("PUBLIC KEY"))
                {
                    var der = Convert.FromBase64String(rest[fields.Base64Data].ToString());
                    list.Add(TrustedIssuerKey.FromSubjectPublicKeyInfo(der));
                }

                rest = rest[fields.Location.End.GetOffset(rest.Length)..];
            }

            return list.Count == 0
                ? DecodeResult.Malformed<TrustList>("no PUBLIC KEY block in the PEM text")
                : DecodeResult.Ok(new TrustList(list));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return DecodeResult.Malformed<TrustList>($"trust list PEM: {e.Message}");
        }
    }

    /// <summary>Writes the JSON form (with computed <c>kid</c>s), for publishing a trust list.</summary>
    public static string ToJson(TrustList trustList)
    {
        ArgumentNullException.ThrowIfNull(trustList);
        var keys = trustList.Keys.Select(k => new Dictionary<string, string?>
        {
            ["kid"] = k.KeyIdHex,
            ["label"] = k.Label,
            ["spki"] = Convert.ToBase64String(k.SubjectPublicKeyInfo),
        });
        return JsonSerializer.Serialize(new { keys });
    }
}
