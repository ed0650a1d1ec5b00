using Permit.Api.Security.Accounts;

namespace Permit.Api.Security.Authorization;

/// <summary>Role claim values.</summary>
public static class Roles
{
    public const string Registrar = "registrar";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";
    public const string Migrant = "migrant";
    public const string Verifier = "verifier";

    public static string Of(OfficerRole role) => role switch
    {
        OfficerRole.Registrar => Registrar,
        OfficerRole.Supervisor => Supervisor,
        OfficerRole.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
