using System.Security.Cryptography;
using System.Text;
using Permit.Api.Keys;
using Permit.Domain.Credentials.Signing;

namespace Permit.Api.Security.Agents;

/// <summary>
/// The API's two keys for card agents, in the key directory next to the issuer keys but never one of them:
/// <c>agent-ticket.key.pem</c> (ECDSA P-256, signs agent tickets) and <c>agent-seal.key.pem</c> (ECDH P-256, opens
/// the card files a counter's agent seals for the API). Agents pin both public halves at pairing.
/// </summary>
public sealed class AgentKeys : IDisposable
{
    public const string TicketKeyFile = "agent-ticket.key.pem";
    public const string SealKeyFile = "agent-seal.key.pem";

    private AgentKeys(ECDsa ticketKey, ECDiffieHellman sealKey)
    {
        TicketKey = ticketKey;
        SealKey = sealKey;
        TicketKeyId = IssuerKeyId.ToHex(IssuerKeyId.FromKey(ticketKey));
    }

    public ECDsa TicketKey { get; }

    public ECDiffieHellman SealKey { get; }

    /// <summary>First 8 bytes of SHA-256 over the ticket key's SPKI, hex (the ticket header's <c>kid</c>).</summary>
    public string TicketKeyId { get; }

    public static AgentKeys LoadOrCreate(KeyDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var ticket = ECDsa.Create();
        ticket.ImportFromPem(ReadOrCreate(directory, TicketKeyFile, () =>
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            return key.ExportPkcs8PrivateKeyPem();
        }));
        var seal = ECDiffieHellman.Create();
        seal.ImportFromPem(ReadOrCreate(directory, SealKeyFile, () =>
        {
            using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
            return key.ExportPkcs8PrivateKeyPem();
        }));
        if (!P256.IsP256(ticket) || seal.KeySize != 256)
            throw new InvalidOperationException("The agent ticket and seal keys must be P-256.");
        return new AgentKeys(ticket, seal);
    }

    public void Dispose()
    {
        TicketKey.Dispose();
        SealKey.Dispose();
    }

    public override string ToString() => $"AgentKeys {{ TicketKeyId = {TicketKeyId} }}";

    private static string ReadOrCreate(KeyDirectory directory, string file, Func<string> create)
    {
        if (!directory.Exists(file))
        {
            // Outside Development only `keys init` makes keys: a missing ticket key stops the start, naming the file.
            directory.EnsureMayCreate(file);
            try
            {
                directory.CreateFile(file, Encoding.ASCII.GetBytes(create()));
            }
            catch (IOException) when (directory.Exists(file))
            {
                // Another process created it first: use theirs.
            }
        }

        return directory.ReadText(file);
    }
}
