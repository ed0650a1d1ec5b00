using System.Text.Json;

namespace Permit.HardwareSim.IdCards;

/// <summary>
/// What a resident ID card (or a foreigner's / HK-Macao-Taiwan card) says, as the simulator's JSON file gives it.
/// Values are taken as written, not validated as real ID data: tests need cards with wrong check digits too.
/// </summary>
public sealed record IdCardData
{
    public required string Name { get; init; }

    /// <summary><c>1</c> male, <c>2</c> female (GB/T 2261.1); <c>male</c>/<c>female</c> are accepted too.</summary>
    public required string Sex { get; init; }

    /// <summary>Two digits, GB/T 3304 (<c>01</c> = Han).</summary>
    public required string EthnicGroup { get; init; }

    /// <summary><c>YYYYMMDD</c> (or <c>YYYY-MM-DD</c>).</summary>
    public required string BirthDate { get; init; }

    public required string Address { get; init; }

    public required string IdNumber { get; init; }

    public required string IssuingAuthority { get; init; }

    public required string ValidFrom { get; init; }

    /// <summary><c>YYYYMMDD</c>, or <c>长期</c> / <c>long-term</c>.</summary>
    public required string ValidTo { get; init; }

    /// <summary><c>resident</c> (default), <c>foreigner</c> (type byte <c>I</c>) or <c>hmt</c> (type byte <c>J</c>).</summary>
    public string CardType { get; init; } = "resident";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
    };

    /// <exception cref="InvalidDataException">The file is not ID card JSON (a required field is missing, say).</exception>
    public static IdCardData Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<IdCardData>(stream, Options)
                ?? throw new InvalidDataException($"{path} holds no ID card data.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not ID card data: {e.Message}", e);
        }
    }
}
