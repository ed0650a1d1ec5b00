using Permit.CardAgent.Failures;
using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Credentials.Trust;

namespace Permit.CardAgent.Offline;

/// <summary>
/// What the agent keeps for verifying with no network, in its state directory: the trust list it last synchronised
/// (<c>trust-list.json</c>, the API's published JSON) and the signed revocation list (<c>revocation-list.cose</c>, the
/// bytes as served, re-verified against the trust list at every load). Files are replaced by rename, so a crash mid-sync
/// leaves the previous good pair.
/// </summary>
public sealed class OfflineStore
{
    public const string TrustListFile = "trust-list.json";
    public const string RevocationListFile = "revocation-list.cose";
    public const string DirectoryVariable = "PERMIT_AGENT_STATE";

    public OfflineStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = directory;
    }

    public string Directory { get; }

    /// <summary>The per-user default: <c>$XDG_STATE_HOME</c>-like local application data, <c>permit-agent</c>.</summary>
    public static string DefaultDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "permit-agent");

    /// <summary>The held trust list, or null before the first sync.</summary>
    /// <exception cref="AgentException"><c>data-invalid</c> when the file was damaged.</exception>
    public TrustList? LoadTrustList()
    {
        var path = Path.Combine(Directory, TrustListFile);
        if (!File.Exists(path))
            return null;
        var read = TrustListImport.FromJson(File.ReadAllText(path));
        return read.IsValid
            ? read.Value
            : throw AgentException.DataInvalid($"The stored trust list {path} is damaged ({read.Error}); run permit-agent sync again.");
    }

    /// <summary>The held revocation list, checked against <paramref name="trust"/>; null before the first sync.</summary>
    /// <exception cref="AgentException"><c>data-invalid</c> when the file was damaged or no longer verifies.</exception>
    public RevocationList? LoadRevocationList(TrustList trust)
    {
        ArgumentNullException.ThrowIfNull(trust);
        var path = Path.Combine(Directory, RevocationListFile);
        if (!File.Exists(path))
            return null;
        var read = RevocationListCodec.Read(File.ReadAllBytes(path), trust);
        return read.IsValid
            ? read.List
            : throw AgentException.DataInvalid($"The stored revocation list {path} does not verify ({read.Error}); run permit-agent sync again.");
    }

    /// <summary>Replaces both files: the trust list first, since the revocation list is verified against it.</summary>
    public void Save(string trustListJson, byte[] revocationList)
    {
        ArgumentNullException.ThrowIfNull(trustListJson);
        ArgumentNullException.ThrowIfNull(revocationList);
        System.IO.Directory.CreateDirectory(Directory);
        Replace(TrustListFile, System.Text.Encoding.UTF8.GetBytes(trustListJson));
        Replace(RevocationListFile, revocationList);
    }

    private void Replace(string name, byte[] content)
    {
        var target = Path.Combine(Directory, name);
        var temporary = target + ".new";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, target, overwrite: true);
    }
}
