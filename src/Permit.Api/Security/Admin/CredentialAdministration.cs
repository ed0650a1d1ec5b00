using Permit.Api.Security.Accounts;
using Permit.Api.Security.Nodes;
using Permit.Api.Security.Terminals;
using Permit.Domain.Regions;

namespace Permit.Api.Security.Admin;

/// <summary>What an administration step came to.</summary>
public enum AdministrationOutcome
{
    Done,
    NotFound,

    /// <summary>Refused: it would leave the installation without an active admin.</summary>
    LastAdmin,
}

/// <summary>
/// Revoke a terminal key, disable and re-enable an officer, reset a password, change a role or a jurisdiction: the one place the admin
/// API, the admin page (through the API) and the <c>officers</c>/<c>terminals</c> commands share. Each step is audited in
/// the same save, renews the account's security stamp (so its tokens and cookies stop working on every node within
/// <see cref="Nodes.SessionOptions.StampCacheSeconds"/>) and forgets this node's cached view of it at once.
/// </summary>
public sealed class CredentialAdministration(
    PermitDbContext db, IAuditTrail audit, TimeProvider time, CredentialStamps stamps, TerminalKeyCache terminalKeys)
{
    public Task<AdministrationOutcome> RevokeTerminalAsync(Guid terminalId, CancellationToken cancellationToken) =>
        ChangeTerminalAsync(terminalId, t => t.Revoke(time.GetUtcNow()), "terminal.revoke", cancellationToken);

    public Task<AdministrationOutcome> DisableOfficerAsync(Guid officerId, CancellationToken cancellationToken) =>
        ChangeOfficerAsync(officerId, o => o.Disable(time.GetUtcNow()), "officer.disable", removesAdmin: o => o.Role == OfficerRole.Admin, cancellationToken);

    public Task<AdministrationOutcome> EnableOfficerAsync(Guid officerId, CancellationToken cancellationToken) =>
        ChangeOfficerAsync(officerId, o => o.Enable(), "officer.enable", removesAdmin: _ => false, cancellationToken);

    public Task<AdministrationOutcome> ResetPasswordAsync(Guid officerId, string passwordHash, CancellationToken cancellationToken) =>
        ChangeOfficerAsync(officerId, o => o.ResetPassword(passwordHash), "officer.password-reset", removesAdmin: _ => false, cancellationToken);

    public Task<AdministrationOutcome> ChangeRoleAsync(Guid officerId, OfficerRole role, CancellationToken cancellationToken) =>
        ChangeOfficerAsync(officerId, o => o.ChangeRole(role), "officer.role-change",
            removesAdmin: o => o.Role == OfficerRole.Admin && role != OfficerRole.Admin, cancellationToken, detail: $" to {role}");

    /// <summary>Gives the officer a jurisdiction (null: the whole register); the officer signs in again to use it.</summary>
    public Task<AdministrationOutcome> ChangeJurisdictionAsync(Guid officerId, Jurisdiction? jurisdiction, CancellationToken cancellationToken) =>
        ChangeOfficerAsync(officerId, o => o.ChangeJurisdiction(jurisdiction), "officer.jurisdiction-change",
            removesAdmin: _ => false, cancellationToken, detail: $" to {jurisdiction?.Code ?? "all"}");

    /// <summary>The officer's id by user name (for the command line), or null.</summary>
    public async Task<Guid?> FindOfficerAsync(string userName, CancellationToken cancellationToken)
    {
        var normalized = OfficerAccount.NormalizeUserName(userName);
        return await db.Set<OfficerAccount>().Where(o => o.UserName == normalized)
            .Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<AdministrationOutcome> ChangeTerminalAsync(
        Guid id, Action<VerifierTerminal> change, string action, CancellationToken cancellationToken)
    {
        var terminal = await db.Set<VerifierTerminal>().SingleOrDefaultAsync(t => t.Id == id, cancellationToken).ConfigureAwait(false);
        if (terminal is null)
            return AdministrationOutcome.NotFound;
        change(terminal);
        audit.Record(action, residentId: null, purpose: $"terminal {terminal.Id}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        terminalKeys.Forget(terminal.Id);
        stamps.Forget(terminal.Id);
        return AdministrationOutcome.Done;
    }

    private async Task<AdministrationOutcome> ChangeOfficerAsync(
        Guid id, Action<OfficerAccount> change, string action, Func<OfficerAccount, bool> removesAdmin,
        CancellationToken cancellationToken, string detail = "")
    {
        var officer = await db.Set<OfficerAccount>().SingleOrDefaultAsync(o => o.Id == id, cancellationToken).ConfigureAwait(false);
        if (officer is null)
            return AdministrationOutcome.NotFound;
        if (officer.IsActive && removesAdmin(officer)
            && !await db.Set<OfficerAccount>().AnyAsync(
                o => o.Id != id && o.Role == OfficerRole.Admin && o.DisabledAt == null, cancellationToken).ConfigureAwait(false))
        {
            return AdministrationOutcome.LastAdmin;
        }

        change(officer);
        audit.Record(action, residentId: null, purpose: $"officer {officer.Id}{detail}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        stamps.Forget(officer.Id);
        return AdministrationOutcome.Done;
    }
}
