using Permit.Domain.Credentials.Verification;
using Permit.Domain.Entitlements;
using Permit.Domain.Permits;

namespace Permit.Api.Features.Entitlements;

/// <summary>Turns a holder record (and, for a card or QR, the credential verdict) into the counter's answer.</summary>
public static class EntitlementDecider
{
    public static EntitlementAnswer Decide(PublicService service, HolderRecord holder, DateOnly today, CredentialAnswer credential)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(credential);
        var decision = EntitlementPolicy.Evaluate(service, holder.FactsOn(today), today);
        var permit = new PermitStanding(holder.Number.Value, StatusName(holder.Status), holder.ValidUntil);
        // The photo link is added by the lookup once the answer is audited (EntitlementLookups.AuditedAsync), for the asking
        // terminal only.
        var person = new HolderForCounter(holder.Name, null);

        // The register may find the holder entitled while this very card or QR may not be used (an exchanged card,
        // a stale phone QR): the credential's refusal then decides.
        if (decision.Eligible && credential.RefusalReason is { } refusal)
        {
            return new EntitlementAnswer(service.Code, false, LookupReasons.CredentialRefused,
                $"“{service.NameZh}”：该凭证不能使用（{refusal}），请出示有效的居住证或新的二维码。",
                $"{service.NameEn}: this credential cannot be used ({refusal}); show the valid card or a fresh QR code.",
                null, today, permit, person, credential);
        }

        return new EntitlementAnswer(decision.ServiceCode, decision.Eligible, decision.ReasonCode, decision.MessageZh,
            decision.MessageEn, decision.EarliestEligibleOn, today, permit, person, credential);
    }

    /// <summary>A QR or card that is not the issuer's: nothing about anyone is shown.</summary>
    public static EntitlementAnswer NotGenuine(PublicService service, DateOnly today, CredentialAnswer credential)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(credential);
        return new EntitlementAnswer(service.Code, false, LookupReasons.CredentialNotGenuine,
            $"“{service.NameZh}”：凭证未通过真伪验证（{credential.RefusalReason}），不能办理。",
            $"{service.NameEn}: the credential is not genuine ({credential.RefusalReason}).",
            null, today, null, null, credential);
    }

    public static CredentialAnswer Describe(string presented, CredentialVerdict verdict, string? chipAuthentication = null)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return new CredentialAnswer(
            presented,
            verdict.Card is not null || verdict.QrClaims is not null,
            verdict.ReasonCode,
            [.. verdict.Checks.Select(c => new CredentialCheckAnswer(Kebab(c.Check.ToString()), Kebab(c.Outcome.ToString()), c.Detail))],
            chipAuthentication);
    }

    public static string StatusName(PermitStatus status) => status switch
    {
        PermitStatus.PendingCard => "PendingCard",
        PermitStatus.Active => "Active",
        PermitStatus.Suspended => "Suspended",
        PermitStatus.Revoked => "Revoked",
        _ => "Terminated",
    };

    /// <summary><c>IssuerKeyKnown</c> → <c>issuer-key-known</c>, as the card agent names its checks.</summary>
    private static string Kebab(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
                text.Append('-');
            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
