using Microsoft.Extensions.Options;
using Permit.Api.Security.Accounts;
using Permit.Api.Security.Nodes;
using Permit.Api.Security.Passwords;
using Permit.Api.Security.Terminals;

namespace Permit.Api.Security.Admin;

/// <summary>
/// The command-line side of <see cref="CredentialAdministration"/>, audited as <c>system:cli</c>:
/// <c>officers disable|enable &lt;user&gt;</c>, <c>officers reset-password &lt;user&gt;</c> (the new password on standard
/// input), <c>officers set-role &lt;user&gt; &lt;role&gt;</c>, <c>officers set-jurisdiction &lt;user&gt; &lt;code|all&gt;</c>, <c>terminals revoke &lt;terminal id&gt;</c>. Exit codes: 0 done,
/// 1 unknown officer or terminal, 2 bad input, 3 refused (it would leave no active admin).
/// </summary>
public static class CredentialsCli
{
    /// <summary><c>terminals revoke &lt;terminal id&gt;</c>.</summary>
    public static async Task<int> RevokeTerminalAsync(IServiceProvider services, string terminal, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        if (!Guid.TryParse(terminal, out var terminalId))
            return await Fail(output, 2, "Give the terminal's id (as shown when it was created).").ConfigureAwait(false);
        await using var scope = services.CreateAsyncScope();
        return await Report(output, await Create(scope.ServiceProvider).RevokeTerminalAsync(terminalId, cancellationToken).ConfigureAwait(false),
            $"Terminal {terminalId} revoked: its key is refused by every node within 5 s.").ConfigureAwait(false);
    }

    /// <summary>
    /// <c>officers disable|enable|reset-password &lt;user&gt;</c> (no <paramref name="value"/>) and
    /// <c>officers set-role|set-jurisdiction &lt;user&gt; &lt;value&gt;</c>: the officer is looked up first (1 when unknown).
    /// </summary>
    public static async Task<int> RunAsync(
        IServiceProvider services, string command, string user, string? value, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        await using var scope = services.CreateAsyncScope();
        var administration = Create(scope.ServiceProvider);
        if (await administration.FindOfficerAsync(user, cancellationToken).ConfigureAwait(false) is not { } id)
            return await Fail(output, 1, $"No officer is called {OfficerAccount.NormalizeUserName(user)}.").ConfigureAwait(false);

        switch (command, value)
        {
            case ("disable", null):
                return await Report(output, await administration.DisableOfficerAsync(id, cancellationToken).ConfigureAwait(false),
                    $"Officer {user} disabled; every session ended.").ConfigureAwait(false);
            case ("enable", null):
                return await Report(output, await administration.EnableOfficerAsync(id, cancellationToken).ConfigureAwait(false),
                    $"Officer {user} enabled.").ConfigureAwait(false);
            case ("reset-password", null):
                var minimum = scope.ServiceProvider.GetRequiredService<IOptions<PasswordOptions>>().Value.MinimumLength;
                var password = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (password is null || password.Length < minimum)
                    return await Fail(output, 2, $"Give a password of at least {minimum} characters on standard input.").ConfigureAwait(false);
                var hash = scope.ServiceProvider.GetRequiredService<PasswordHasher>().Hash(password);
                return await Report(output, await administration.ResetPasswordAsync(id, hash, cancellationToken).ConfigureAwait(false),
                    $"Password of {user} reset; every session ended.").ConfigureAwait(false);
            case ("set-role", { } roleText):
                if (!Enum.TryParse<OfficerRole>(roleText, ignoreCase: true, out var role) || !Enum.IsDefined(role)
                    || int.TryParse(roleText, out _))
                {
                    return await Fail(output, 2, "The role is Registrar, Supervisor or Admin.").ConfigureAwait(false);
                }

                return await Report(output, await administration.ChangeRoleAsync(id, role, cancellationToken).ConfigureAwait(false),
                    $"Officer {user} is now {role}; sessions with the old role ended.").ConfigureAwait(false);
            case ("set-jurisdiction", { } jurisdictionText):
                if (!OfficerJurisdictions.TryParse(jurisdictionText, out var jurisdiction))
                    return await Fail(output, 2, OfficerJurisdictions.Rule).ConfigureAwait(false);
                return await Report(output, await administration.ChangeJurisdictionAsync(id, jurisdiction, cancellationToken).ConfigureAwait(false),
                    $"Officer {user} now handles {OfficerJurisdictions.Describe(jurisdiction?.Code)}; sessions with the old jurisdiction ended.")
                    .ConfigureAwait(false);
            default:
                return await Fail(output, 2, "Unknown command.").ConfigureAwait(false);
        }
    }

    private static CredentialAdministration Create(IServiceProvider services)
    {
        var db = services.GetRequiredService<PermitDbContext>();
        var time = services.GetRequiredService<TimeProvider>();
        return new CredentialAdministration(db, new AuditTrail(db, new CliActor(), time), time,
            services.GetRequiredService<CredentialStamps>(), services.GetRequiredService<TerminalKeyCache>());
    }

    private static async Task<int> Report(TextWriter output, AdministrationOutcome outcome, string done)
    {
        var (code, message) = outcome switch
        {
            AdministrationOutcome.Done => (0, done),
            AdministrationOutcome.NotFound => (1, "Not found."),
            _ => (3, "Refused: this would leave no active admin. Make another officer admin first."),
        };
        await output.WriteLineAsync(message).ConfigureAwait(false);
        return code;
    }

    private static async Task<int> Fail(TextWriter output, int code, string message)
    {
        await output.WriteLineAsync(message).ConfigureAwait(false);
        return code;
    }

    private sealed class CliActor : IAuditActorSource
    {
        public AuditActor Current => AuditActor.System("cli");
    }
}
