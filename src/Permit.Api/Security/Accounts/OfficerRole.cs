using System.Text.Json.Serialization;

namespace Permit.Api.Security.Accounts;

/// <summary>
/// What an officer may do. Roles are cumulative: a supervisor may do what a registrar does, an admin what both do
/// (see <see cref="Permit.Api.Security.Authorization.Policies"/>).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<OfficerRole>))]
public enum OfficerRole
{
    Registrar,
    Supervisor,
    Admin,
}
