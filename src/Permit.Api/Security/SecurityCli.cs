using Permit.Api.Audit;
using Permit.Api.Keys;
using Permit.Api.Security.Accounts;

namespace Permit.Api.Security;

/// <summary>
/// The host's administrative commands, run instead of serving when the first argument names one:
/// <c>audit verify</c>, <c>keys rotate-issuer</c>, <c>keys add-encryption-key</c>, <c>officers add</c>.
/// </summary>
public static class SecurityCli
{
    public static bool IsCommand(string[] args) => args is ["audit", ..] or ["keys", ..] or ["officers", ..] or ["terminals", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args switch
        {
            ["audit", "verify"] => await AuditCli.VerifyAsync(services, Console.Out, cancellationToken).ConfigureAwait(false),
            ["audit", "checkpoint"] => await AuditCli.CheckpointAsync(services, Console.Out, cancellationToken).ConfigureAwait(false),
            ["keys", .. var command] => await KeysCli.RunAsync(services, command, Console.Out, cancellationToken).ConfigureAwait(false),
            ["officers", "add", var user, var displayName, var role] => await OfficersCli.AddAsync(
                services, user, displayName, role, Console.In, Console.Out, cancellationToken).ConfigureAwait(false),
            ["officers", "add", var user, var displayName, var role, var jurisdiction] => await OfficersCli.AddAsync(
                services, user, displayName, role, Console.In, Console.Out, cancellationToken, jurisdiction).ConfigureAwait(false),
            ["officers", "disable" or "enable" or "reset-password" or "set-role" or "set-jurisdiction", ..] or ["terminals", "revoke", _] =>
                await Admin.CredentialsCli.RunAsync(services, args, Console.In, Console.Out, cancellationToken).ConfigureAwait(false),
            _ => await Usage().ConfigureAwait(false),
        };
    }

    private static async Task<int> Usage()
    {
        await Console.Error.WriteLineAsync("Commands: audit verify | audit checkpoint | keys init | keys rotate-issuer | keys add-encryption-key | keys rotate-field-key [batch] | keys root init --out <dir> | keys sign-trust-list … | officers add <user> <display name> <role> [jurisdiction|all] (password on stdin) | officers disable|enable <user> | officers reset-password <user> (password on stdin) | officers set-role <user> <role> | officers set-jurisdiction <user> <code|all> | terminals revoke <terminal id>").ConfigureAwait(false);
        return 2;
    }
}
