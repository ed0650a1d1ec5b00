using System.Text.Json;
using Permit.Domain.Credentials;
using Permit.Domain.Credentials.Card;

namespace Permit.CardAgent.Personalization;

/// <summary>
/// <c>permit.json</c> and the <c>permit</c> object of <c>read-permit --json</c>: the EF.PERMIT fields with dates as
/// <c>YYYYMMDD</c>, sex and ethnic group as codes.
/// </summary>
public sealed record PermitJson
{
    public string? PermitNumber { get; init; }
    public string? IdNumber { get; init; }
    public string? Name { get; init; }
    public string? Sex { get; init; }
    public string? EthnicGroup { get; init; }
    public string? BirthDate { get; init; }
    public string? HukouAddress { get; init; }
    public string? ResidenceAddress { get; init; }
    public string? ResidenceRegion { get; init; }
    public string? IssuingAuthority { get; init; }
    public string? IssueDate { get; init; }
    public string? ValidUntil { get; init; }
    public int CardSequence { get; init; }

    public static PermitJson From(PermitCardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new PermitJson
        {
            PermitNumber = data.PermitNumber,
            IdNumber = data.IdNumber,
            Name = data.Name,
            Sex = data.Sex,
            EthnicGroup = data.EthnicGroup,
            BirthDate = PermitFormats.FormatCompactDate(data.BirthDate),
            HukouAddress = data.HukouAddress,
            ResidenceAddress = data.ResidenceAddress,
            ResidenceRegion = data.ResidenceRegion,
            IssuingAuthority = data.IssuingAuthority,
            IssueDate = PermitFormats.FormatCompactDate(data.IssueDate),
            ValidUntil = PermitFormats.FormatCompactDate(data.ValidUntil),
            CardSequence = data.CardSequence,
        };
    }

    /// <summary>Reads permit.json text; every problem is reported by field name, never by value.</summary>
    /// <exception cref="AgentException"><c>data-invalid</c>.</exception>
    public static PermitCardData Parse(string json)
    {
        PermitJson? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<PermitJson>(json, AgentJson.Input);
        }
        catch (JsonException e)
        {
            // JsonException messages name the path and position, not the value.
            throw AgentException.DataInvalid($"permit.json is not valid: {e.Message}", e);
        }

        return (parsed ?? throw AgentException.DataInvalid("permit.json is empty.")).ToCardData();
    }

    /// <exception cref="AgentException"><c>data-invalid</c>.</exception>
    public PermitCardData ToCardData()
    {
        var data = new PermitCardData(
            Required(PermitNumber, "permitNumber"),
            Required(IdNumber, "idNumber"),
            Required(Name, "name"),
            Required(Sex, "sex"),
            Required(EthnicGroup, "ethnicGroup"),
            Date(BirthDate, "birthDate"),
            Required(HukouAddress, "hukouAddress"),
            Required(ResidenceAddress, "residenceAddress"),
            Required(ResidenceRegion, "residenceRegion"),
            Required(IssuingAuthority, "issuingAuthority"),
            Date(IssueDate, "issueDate"),
            Date(ValidUntil, "validUntil"),
            CardSequence);
        return data.FindProblem() is { } problem
            ? throw AgentException.DataInvalid($"permit.json: {problem}.")
            : data;
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrEmpty(value) ? throw AgentException.DataInvalid($"permit.json: \"{field}\" is missing.") : value;

    private static DateOnly Date(string? value, string field) =>
        PermitFormats.ParseCompactDate(Required(value, field))
        ?? throw AgentException.DataInvalid($"permit.json: \"{field}\" must be a date written YYYYMMDD.");
}
