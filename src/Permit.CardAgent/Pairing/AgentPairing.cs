using System.Security.Cryptography;
using System.Text.Json;
using Permit.CardAgent.Issuing;
using Permit.Domain.Credentials.Agents;

namespace Permit.CardAgent.Pairing;

/// <summary>
/// What <c>permit-agent pair</c> stored (<c>pairing.json</c> in the state directory): the permit API's address, this
/// agent's id, whether a desk or a counter paired it, and the API's ticket and seal public keys, pinned. <c>serve</c>
/// verifies every ticket against this ticket key only, and sends card files and personalization calls to this API only.
/// </summary>
public sealed record AgentPairing(string Api, Guid AgentId, string Kind, string Name, string TicketKeyId, string TicketKey, string SealKey, DateTimeOffset PairedAt)
{
    public const string FileName = "pairing.json";
    public const string Desk = "desk";
    public const string Counter = "counter";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public bool IsCounter => Kind == Counter;

    public Uri ApiUri => PermitApiClient.ParseApiUrl(Api, "the paired API");

    /// <summary>The pinned ticket key (SPKI, P-256).</summary>
    public ECDsa LoadTicketKey()
    {
        var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(TicketKey), out _);
        return key;
    }

    public ECDiffieHellman LoadSealKey()
    {
        var key = ECDiffieHellman.Create();
        key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(SealKey), out _);
        return key;
    }

    /// <summary>The pairing in <paramref name="directory"/>, or null when this agent was never paired.</summary>
    /// <exception cref="AgentException"><c>data-invalid</c> when the file is damaged.</exception>
    public static AgentPairing? Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
            return null;
        try
        {
            var pairing = JsonSerializer.Deserialize<AgentPairing>(File.ReadAllBytes(path), Json)
                ?? throw new JsonException("empty");
            using var ticket = pairing.LoadTicketKey();
            using var seal = pairing.LoadSealKey();
            _ = pairing.ApiUri;
            return pairing;
        }
        catch (Exception e) when (e is JsonException or FormatException or CryptographicException or ArgumentException or AgentException)
        {
            throw AgentException.DataInvalid($"The pairing {path} is damaged; run permit-agent pair again.", e);
        }
    }

    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, FileName);
        var temporary = target + ".new";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(this, Json));
        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>
    /// The agent talks to the API over HTTPS; plain http only to the API on this very PC (loopback), where no network
    /// lies in between.
    /// </summary>
    /// <exception cref="AgentException"><c>usage</c>.</exception>
    public static Uri RequireSecure(Uri api, string option)
    {
        ArgumentNullException.ThrowIfNull(api);
        if (api.Scheme == Uri.UriSchemeHttps || (api.Scheme == Uri.UriSchemeHttp && IsLoopback(api)))
            return api;
        throw AgentException.Usage($"{option}: the permit API must be https:// (plain http:// only for an API on this PC, e.g. http://127.0.0.1:5080/).");
    }

    private static bool IsLoopback(Uri api) =>
        api.IsLoopback || (System.Net.IPAddress.TryParse(api.IdnHost, out var address) && System.Net.IPAddress.IsLoopback(address));

    /// <summary>The pairing for a ticket check: the ticket's agent must be this one.</summary>
    public TicketRead Verify(string? ticket, DateTimeOffset now)
    {
        using var key = LoadTicketKey();
        var read = AgentTicketCodec.Verify(ticket, key, now);
        return read.Ticket is { } t && t.AgentId != AgentId ? TicketRead.Refused("other-agent") : read;
    }
}
