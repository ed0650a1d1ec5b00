using Permit.Domain.Credentials;
using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Credentials.Status;
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
    public const string StatusListFile = "status-list.cose";
    public const string StatusDeltaFile = "status-delta.cose";
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

    /// <summary>
    /// The held status list v2 (docs/status-list.md): the full list as synchronised and, when a delta was synchronised
    /// since, that list moved forward by it; null when no v2 list is held.
    /// </summary>
    /// <exception cref="AgentException"><c>data-invalid</c> when a file was damaged, no longer verifies or the delta does not fit the list.</exception>
    public HeldStatusList? LoadHeldStatusList(TrustList trust)
    {
        ArgumentNullException.ThrowIfNull(trust);
        var path = Path.Combine(Directory, StatusListFile);
        if (!File.Exists(path))
            return null;
        var full = StatusListCodec.Read(File.ReadAllBytes(path), trust);
        if (!full.IsValid)
            throw AgentException.DataInvalid($"The stored status list {path} does not verify ({full.Code}: {full.Error}); run permit-agent sync again.");
        var deltaPath = Path.Combine(Directory, StatusDeltaFile);
        if (!File.Exists(deltaPath))
            return new HeldStatusList(full.Value!, full.Value!);
        var delta = StatusDeltaCodec.Read(File.ReadAllBytes(deltaPath), trust);
        var current = delta.IsValid ? delta.Value!.ApplyTo(full.Value!) : StatusRefused(delta.Code, delta.Error);
        return current.IsValid
            ? new HeldStatusList(full.Value!, current.Value!)
            : throw AgentException.DataInvalid($"The stored status delta {deltaPath} does not apply ({current.Code}: {current.Error}); run permit-agent sync again.");
    }

    /// <summary>The held status list v2 as verifiers use it (the delta applied), or null when none is held.</summary>
    public StatusList? LoadStatusList(TrustList trust) => LoadHeldStatusList(trust)?.Current;

    /// <summary>Replaces the trust list and the full status list; a delta held for the previous full list goes first.</summary>
    public void SaveStatusList(byte[] signedTrustList, byte[] statusList)
    {
        ArgumentNullException.ThrowIfNull(signedTrustList);
        ArgumentNullException.ThrowIfNull(statusList);
        System.IO.Directory.CreateDirectory(Directory);
        File.Delete(Path.Combine(Directory, StatusDeltaFile));
        Replace(TrustListFile, signedTrustList);
        Replace(StatusListFile, statusList);
    }

    /// <summary>Replaces the trust list and the delta held beside the full status list.</summary>
    public void SaveStatusDelta(byte[] signedTrustList, byte[] statusDelta)
    {
        ArgumentNullException.ThrowIfNull(signedTrustList);
        ArgumentNullException.ThrowIfNull(statusDelta);
        Replace(TrustListFile, signedTrustList);
        Replace(StatusDeltaFile, statusDelta);
    }

    /// <summary>Replaces the trust list alone (the held status data was verified against it).</summary>
    public void SaveTrustList(byte[] signedTrustList)
    {
        ArgumentNullException.ThrowIfNull(signedTrustList);
        Replace(TrustListFile, signedTrustList);
    }

    /// <summary>Drops the v2 files, when the API went back to serving only v1: a v2 list that is never renewed would go stale.</summary>
    public void ForgetStatusList()
    {
        if (!System.IO.Directory.Exists(Directory))
            return;
        File.Delete(Path.Combine(Directory, StatusDeltaFile));
        File.Delete(Path.Combine(Directory, StatusListFile));
    }

    private static StatusReadResult<StatusList> StatusRefused(string? code, string? error) => new(null, code, error);

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

/// <summary>The held status list v2: the full list a delta applies to (<see cref="Base"/>) and the state it reached (<see cref="Current"/>).</summary>
public sealed record HeldStatusList(StatusList Base, StatusList Current);
