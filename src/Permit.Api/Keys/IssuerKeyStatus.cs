using System.Text.Json.Serialization;

namespace Permit.Api.Keys;

/// <summary>An issuer key signs while <see cref="Active"/>; after a rotation it stays trusted as <see cref="Retired"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IssuerKeyStatus>))]
public enum IssuerKeyStatus
{
    Active,
    Retired,
}
