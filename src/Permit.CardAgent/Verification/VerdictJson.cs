using System.Text;
using Permit.CardAgent.Personalization;
using Permit.Domain.Credentials.Trust;
using Permit.Domain.Credentials.Verification;

namespace Permit.CardAgent.Verification;

/// <summary>One named check of a verdict: <c>issuer-signature</c> <c>passed</c>, <c>chip-signature</c> <c>failed</c>...</summary>
public sealed record CheckJson(string Check, string Outcome, string? Detail);

/// <summary>
/// The verdict as <c>read-permit --json</c> and <c>POST /permit-card/read</c> give it. <see cref="Permit"/> is present
/// only when the data was proven authentic (even if then refused as expired or revoked).
/// </summary>
public sealed record VerdictJson(bool Genuine, string? Reason, IReadOnlyList<string> Warnings, IReadOnlyList<CheckJson> Checks, PermitJson? Permit)
{
    public static VerdictJson From(CredentialVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return new VerdictJson(
            verdict.Accepted,
            verdict.ReasonCode,
            verdict.Warnings,
            [.. verdict.Checks.Select(c => new CheckJson(Kebab(c.Check.ToString()), Kebab(c.Outcome.ToString()), c.Detail))],
            verdict.Card is { } card ? PermitJson.From(card) : null);
    }

    /// <summary><c>IssuerKeyKnown</c> → <c>issuer-key-known</c>.</summary>
    public static string Kebab(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
                text.Append('-');
            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}

/// <summary>Builds a <see cref="VerifierSetup"/> from trust files and an optional signed revocation list file.</summary>
public static class VerifierFiles
{
    /// <param name="published">Keys from a published trust list (<c>--api</c>, <c>--trust-list</c>), if any.</param>
    /// <param name="grace">How long past nextUpdate the revocation list still confirms a verdict (default 24 h).</param>
    public static VerifierSetup Load(IReadOnlyList<string> trustFiles, string? revocationFile, TrustList? published = null, TimeSpan? grace = null)
    {
        ArgumentNullException.ThrowIfNull(trustFiles);
        if (trustFiles.Count == 0 && published is null)
        {
            throw AgentException.Usage(
                "read-permit: trusted issuer keys are required (--api URL, --trust-list URL|FILE or --trust ISSUER.pub.pem): a card is only genuine against them.");
        }

        var trust = trustFiles.Count == 0 ? published! : KeyFiles.LoadTrustList(trustFiles);
        if (published is not null && trustFiles.Count > 0)
            trust = new TrustList([.. trust.Keys, .. published.Keys.Where(k => !trust.Keys.Any(known => known.KeyIdHex == k.KeyIdHex))]);
        var revocation = revocationFile is null
            ? RevocationKnowledge.None
            : new RevocationKnowledge(KeyFiles.LoadRevocationList(revocationFile, trust), Grace: grace);
        return new VerifierSetup(trust, revocation);
    }
}
