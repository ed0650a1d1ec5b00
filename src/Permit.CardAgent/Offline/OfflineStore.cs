using Permit.CardAgent.Failures;
using Permit.Domain.Credentials;
using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Credentials.Trust;

namespace Permit.CardAgent.Offline;

/// <summary>
/// What the agent keeps for verifying with no network, in its state directory: the root-signed trust list it last
/// synchronised (<c>trust-list.cose</c>) and the signed revocation list (<c>revocation-list.cose</c>), both the bytes as
/// served and both re-verified at every load: the trust list against the pinned trust root, the revocation list against
/// the trust list. Files are replaced by rename, so a crash mid-sync leaves the previous good pair.
/// </summary>
public sealed class OfflineStore
{
    public const string TrustListFile = "trust-list.cose";
    public const string RevocationListFile = "revocation-list.cose";
    public const string DirectoryVariable = "PERMIT_AGENT_STATE";

    // A held list was checked against the clock when it was stored; at load only the signature and shape count.
    private static readonly DateTimeOffset AnyTime = DateTimeOffset.MaxValue.AddYears(-1);

    private readonly string? _trustRootFile;

    /// <param name="trustRootFile">The pinned trust root's public key (PEM); without it no trust list is ever accepted.</param>
    public OfflineStore(string directory, string? trustRootFile = null, TimeSpan? revocationGrace = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = directory;
        _trustRootFile = trustRootFile;
        RevocationGrace = revocationGrace ?? Domain.Credentials.Verification.RevocationKnowledge.DefaultGrace;
    }

    public string Directory { get; }

    /// <summary>How long past nextUpdate the held revocation list still confirms a verdict.</summary>
    public TimeSpan RevocationGrace { get; }

    /// <summary>The per-user default: <c>$XDG_STATE_HOME</c>-like local application data, <c>permit-agent</c>.</summary>
    public static string DefaultDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "permit-agent");

    /// <summary>The pinned trust root.</summary>
    /// <exception cref="AgentException"><c>usage</c> when none is configured; <c>data-invalid</c> when the file is not a P-256 public key.</exception>
    public TrustedIssuerKey TrustRoot()
    {
        if (_trustRootFile is null)
            throw AgentException.Usage(
                $"No trust root is configured: set Agent:TrustRootPublicKeyFile (or {Configuration.AgentSettings.TrustRootVariable}, or --trust-root FILE) to the root public key PEM installed with this PC.");
        var root = Domain.Credentials.Trust.TrustRoot.FromPem(Personalization.KeyFiles.ReadText(_trustRootFile, "trust root"));
        return root.Value ?? throw AgentException.DataInvalid($"The trust root file {_trustRootFile} holds no usable P-256 public key ({root.Error}).");
    }

    /// <summary>The held trust list, verified against the pinned root, or null before the first sync.</summary>
    /// <exception cref="AgentException"><c>data-invalid</c> when the file was damaged or is not signed by the pinned root.</exception>
    public SignedTrustList? LoadSignedTrustList()
    {
        var path = Path.Combine(Directory, TrustListFile);
        if (!File.Exists(path))
            return null;
        var read = TrustListCodec.Read(File.ReadAllBytes(path), TrustRoot(), AnyTime);
        return read.List
            ?? throw AgentException.DataInvalid($"The stored trust list {path} does not verify against the trust root ({read.RefusalCode}: {read.Error}); run permit-agent sync again.");
    }

    /// <summary>The held trust list's keys, or null before the first sync.</summary>
    public TrustList? LoadTrustList() => LoadSignedTrustList()?.Keys;

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
            : throw AgentException.DataInvalid($"The stored revocation list {path} does not verify ({read.Reason?.Code()}: {read.Error}); run permit-agent sync again.");
    }

    /// <summary>Replaces both files: the trust list first, since the revocation list is verified against it.</summary>
    public void Save(byte[] signedTrustList, byte[] revocationList)
    {
        ArgumentNullException.ThrowIfNull(signedTrustList);
        ArgumentNullException.ThrowIfNull(revocationList);
        System.IO.Directory.CreateDirectory(Directory);
        Replace(TrustListFile, signedTrustList);
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
