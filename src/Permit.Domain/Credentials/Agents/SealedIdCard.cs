using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Permit.Domain.Credentials.Agents;

/// <summary>
/// An ID card read at a counter, sealed by the counter's agent for the permit API (the same box as
/// <see cref="SealedCardFiles"/>, with its own associated data <c>permit-id-card-read</c>, so neither kind opens as the
/// other): the citizen ID number and the single-use challenge the API issued to that terminal for this read. The page
/// forwards the box to the ID-card lookup without being able to read the number (docs/agent-tickets.md).
/// </summary>
public sealed record SealedIdCard(string IdNumber, string Challenge)
{
    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes("permit-id-card-read");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A sealed read is about 200 characters; anything much longer is refused before decoding.</summary>
    public const int MaxLength = 2048;

    public string Seal(ECDiffieHellman recipient) => SealedCardFiles.Seal(JsonSerializer.SerializeToUtf8Bytes(this, Json), recipient, Purpose);

    /// <summary>The read, or null when the text is not an ID card read sealed for <paramref name="recipient"/>.</summary>
    public static SealedIdCard? Open(string? text, ECDiffieHellman recipient)
    {
        if (text is null || text.Length > MaxLength)
            return null;
        var plaintext = SealedCardFiles.Open(text, recipient, Purpose);
        if (plaintext is null)
            return null;
        try
        {
            return JsonSerializer.Deserialize<SealedIdCard>(plaintext, Json) is { IdNumber: not null, Challenge: not null } read ? read : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The ID number is the holder's: never in a log line or an exception message that prints the record.
    public override string ToString() => "SealedIdCard { }";
}
