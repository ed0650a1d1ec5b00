using Permit.CardAgent.Offline;
using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Credentials.Verification;
using Permit.CardAgent.Issuing;
using Permit.CardAgent.Verification;

namespace Permit.CardAgent.Cli;

/// <summary>
/// <c>read-permit</c>: reads a permit card, checks the issuer signature (PA), the chip signature over a fresh
/// challenge (AA), validity and revocation, and prints the fields and a verdict naming each check.
/// Without <c>--with-photo</c> EF.PHOTO is not read at all. Exit 0 genuine and in force, 1 otherwise. The trusted
/// issuer keys come from PEM / JSON files (<c>--trust</c>), the permit API's published trust list (<c>--api</c>), or a
/// trust list at a URL or in a file (<c>--trust-list</c>).
/// </summary>
public static class ReadPermitCommand
{
    public static async Task<int> RunAsync(CommandArguments options, CommandConsole console, AgentHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(host);
        var setup = await SetupAsync(options, host, cancellationToken).ConfigureAwait(false);
        var photoOut = options.Value("--photo-out");
        var withPhoto = options.Flag("--with-photo") || photoOut is not null;

        using var operations = host.Operations();
        var result = operations.ReadPermitCard(options.Value("--reader"), setup, withPhoto);
        var verdict = VerdictJson.From(result.Check.Verdict);
        if (photoOut is not null && result.Check.Photo is { Length: > 0 } photo)
            File.WriteAllBytes(photoOut, photo);

        if (console.Json)
        {
            console.WriteJson(new
            {
                reader = result.Reader,
                verdict.Genuine,
                verdict.Reason,
                verdict.Warnings,
                verdict.Checks,
                verdict.Permit,
                photoRead = withPhoto,
                figures = FiguresJson.From(result.Figures),
            });
        }
        else
        {
            Print(console, result.Reader, verdict);
            if (OfflineVerifier.StaleWarning(setup, host.Time.GetUtcNow()) is { } stale)
                console.WriteLine($"Warning: {stale}");
        }

        return verdict.Genuine ? ExitCodes.Ok : ExitCodes.NotGenuine;
    }

    private static void Print(CommandConsole console, string reader, VerdictJson verdict)
    {
        console.WriteLine(verdict.Genuine
            ? $"GENUINE and in force: the permit card in \"{reader}\" passed every check."
            : $"NOT ACCEPTED ({verdict.Reason}): the permit card in \"{reader}\" failed a check.");
        if (verdict.Permit is { } p)
        {
            console.WriteLine($"  permit number      {p.PermitNumber} (card {p.CardSequence})");
            console.WriteLine($"  name               {p.Name}");
            console.WriteLine($"  ID number          {p.IdNumber}");
            console.WriteLine($"  sex / ethnic group {p.Sex} / {p.EthnicGroup}");
            console.WriteLine($"  birth date         {p.BirthDate}");
            console.WriteLine($"  hukou address      {p.HukouAddress}");
            console.WriteLine($"  residence          {p.ResidenceAddress} ({p.ResidenceRegion})");
            console.WriteLine($"  issued             {p.IssueDate} by {p.IssuingAuthority}");
            console.WriteLine($"  valid until        {p.ValidUntil}");
        }

        console.WriteLine("Checks:");
        foreach (var check in verdict.Checks)
            console.WriteLine($"  {check.Check,-26} {check.Outcome}{(check.Detail is null ? "" : $" ({check.Detail})")}");
        foreach (var warning in verdict.Warnings.Where(w => w != Domain.Credentials.RefusalReasons.RevocationDataStaleWarning))
            console.WriteLine($"Warning: {warning}");
    }

    /// <summary>
    /// No key option: offline, from the lists the last <c>sync</c> stored. <c>--api</c>: online, the published trust list
    /// and the current revocation list (verified against it) unless <c>--revocation</c> names a file.
    /// </summary>
    private static async Task<VerifierSetup> SetupAsync(CommandArguments options, AgentHost host, CancellationToken cancellationToken)
    {
        var api = options.Value("--api");
        var store = AgentState.Store(options.Value("--state"), host, options.Value("--trust-root"));
        if (options.Values("--trust").Count == 0 && api is null && options.Value("--trust-list") is null)
            return OfflineVerifier.Load(store, "read-permit");

        var published = await PublishedTrustList.LoadAsync(api, options.Value("--trust-list"), host, store, cancellationToken).ConfigureAwait(false);
        var setup = VerifierFiles.Load(options.Values("--trust"), options.Value("--revocation"), published, store.RevocationGrace);
        if (api is null || options.Value("--revocation") is not null)
            return setup;

        using var http = host.ApiClients(Pairing.AgentPairing.RequireSecure(PermitApiClient.ParseApiUrl(api, "--api"), "read-permit: --api"));
        var read = RevocationListCodec.Read(await new PermitApiClient(http, token: null).GetRevocationListAsync(cancellationToken).ConfigureAwait(false), setup.TrustList);
        return read.IsValid
            ? setup with { Revocation = new RevocationKnowledge(read.List, Grace: store.RevocationGrace) }
            : throw AgentException.DataInvalid($"read-permit: the revocation list from {api} was refused ({read.Error}).");
    }
}
