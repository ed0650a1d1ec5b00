using Microsoft.Extensions.Options;
using Permit.Api.Security.Passwords;

namespace Permit.Api.Security.Accounts;

/// <summary>
/// <c>officers add &lt;user&gt; &lt;display name&gt; &lt;Registrar|Supervisor|Admin&gt; [jurisdiction]</c>: creates an officer (the
/// first admin of a new installation), the password read from standard input so it never appears in the process list or
/// history. The jurisdiction is a region, subdistrict or community code, or <c>all</c> (the default: the whole register).
/// </summary>
public static class OfficersCli
{
    public static async Task<int> AddAsync(
        IServiceProvider services, string userName, string displayName, string role, TextReader input, TextWriter output,
        CancellationToken cancellationToken, string? jurisdictionText = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (!Enum.TryParse<OfficerRole>(role, ignoreCase: true, out var officerRole) || !Enum.IsDefined(officerRole))
        {
            await output.WriteLineAsync("The role is Registrar, Supervisor or Admin.").ConfigureAwait(false);
            return 2;
        }

        if (!Admin.OfficerJurisdictions.TryParse(jurisdictionText, out var jurisdiction))
        {
            await output.WriteLineAsync(Admin.OfficerJurisdictions.Rule).ConfigureAwait(false);
            return 2;
        }

        var options = services.GetRequiredService<IOptions<PasswordOptions>>().Value;
        var password = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (password is null || password.Length < options.MinimumLength)
        {
            await output.WriteLineAsync($"Give a password of at least {options.MinimumLength} characters on standard input.")
                .ConfigureAwait(false);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PermitDbContext>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var officer = OfficerAccount.Create(
            userName, displayName, officerRole, scope.ServiceProvider.GetRequiredService<PasswordHasher>().Hash(password), time.GetUtcNow(),
            jurisdiction);
        db.Add(officer);
        new AuditTrail(db, new FixedActor(AuditActor.System("cli")), time)
            .Record("officer.create", residentId: null,
                purpose: $"officer {officer.Id} as {officer.Role} of {officer.Jurisdiction ?? Admin.OfficerJurisdictions.All}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(
            $"Officer {officer.UserName} ({officer.Role}, jurisdiction {Admin.OfficerJurisdictions.Describe(officer.Jurisdiction)}) created with id {officer.Id}.")
            .ConfigureAwait(false);
        return 0;
    }

    private sealed class FixedActor(AuditActor actor) : IAuditActorSource
    {
        public AuditActor Current => actor;
    }
}
