using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Permit.CardAgent.Offline;
using Permit.CardAgent.Personalization;
using Permit.CardAgent.Tests.Offline;
using Permit.Domain.Credentials.Qr;
using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Credentials.Signing;
using Permit.Domain.Credentials.Trust;

namespace Permit.CardAgent.Tests.Attacks;

/// <summary>
/// A man in the middle between the agent and the permit API (or a stolen issuer key) tries to change what the agent
/// trusts. Each test performs one attack on <c>sync</c> and the offline verdicts. Every key here is TEST MATERIAL.
/// </summary>
public sealed class TrustListAttackTests : IDisposable
{
    private const string Api = "https://permits.test/";

    private readonly TestIssuer _issuer = new();
    private readonly FakeIssuerApi _api;
    private readonly string _state = Directory.CreateTempSubdirectory("permit-agent-attacks-").FullName;
    private readonly ECDsa _next = ECDsa.Create(ECCurve.NamedCurves.nistP256);     // TEST KEY: the issuer's next key
    private readonly ECDsa _mitm = ECDsa.Create(ECCurve.NamedCurves.nistP256);     // TEST KEY: the attacker's
    private DateTimeOffset _now = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

    public TrustListAttackTests()
    {
        _api = new FakeIssuerApi(_issuer);
        _api.TrustList = _issuer.SignedTrustList(1, _now.AddMinutes(-1), _issuer.Root, TestIssuer.Trusted(_issuer.Key));
        _api.Publish(List(version: 1));
    }

    private string Qr => QrCredential.Issue(QrClaims.ForPermit(TestIssuer.SamplePermit, _now), _api.Signer);

    [Fact]
    public async Task Attack_unsigned_trust_list_is_refused_by_sync_and_the_held_lists_are_kept()
    {
        await SyncAsync();
        _api.TrustList = System.Text.Encoding.UTF8.GetBytes(TrustListImport.ToJson(new TrustList([TrustedIssuerKey.FromKey(_mitm, "active")])));
        _api.Publish(List(version: 2), new EcdsaIssuerSigner(_mitm));

        var sync = await RunAsync("sync", "--api", Api);

        Assert.Equal(ExitCodes.DataInvalid, sync.ExitCode);
        Assert.Contains("trust list", sync.Error, StringComparison.Ordinal);
        AssertHeld(trustList: 1, revocationList: 1);
    }

    [Fact]
    public async Task Attack_trust_list_signed_by_a_foreign_root_is_refused_by_sync_and_the_held_lists_are_kept()
    {
        await SyncAsync();
        _api.TrustList = _issuer.SignedTrustList(99, _now, _mitm, TestIssuer.Trusted(_mitm));
        _api.Publish(List(version: 2), new EcdsaIssuerSigner(_mitm));

        var sync = await RunAsync("sync", "--api", Api);

        Assert.Equal(ExitCodes.DataInvalid, sync.ExitCode);
        Assert.Contains("foreign-root", sync.Error, StringComparison.Ordinal);
        AssertHeld(trustList: 1, revocationList: 1);
    }

    [Fact]
    public async Task Attack_replayed_older_trust_list_is_refused_by_sync()
    {
        _api.TrustList = _issuer.SignedTrustList(5, _now, _issuer.Root, TestIssuer.Trusted(_issuer.Key));
        await SyncAsync();
        // Version 4 still trusted a key that version 5 no longer does.
        _api.TrustList = _issuer.SignedTrustList(4, _now, _issuer.Root, TestIssuer.Trusted(_issuer.Key), TestIssuer.Trusted(_mitm));

        var sync = await RunAsync("sync", "--api", Api);

        Assert.Equal(ExitCodes.DataInvalid, sync.ExitCode);
        Assert.Contains("older-version", sync.Error, StringComparison.Ordinal);
        AssertHeld(trustList: 5, revocationList: 1);
    }

    [Fact]
    public async Task Attack_trust_list_issued_more_than_five_minutes_in_the_future_is_refused_by_sync()
    {
        await SyncAsync();
        _api.TrustList = _issuer.SignedTrustList(2, _now.AddMinutes(10), _issuer.Root, TestIssuer.Trusted(_issuer.Key));

        var sync = await RunAsync("sync", "--api", Api);

        Assert.Equal(ExitCodes.DataInvalid, sync.ExitCode);
        Assert.Contains("issued-in-future", sync.Error, StringComparison.Ordinal);
        AssertHeld(trustList: 1, revocationList: 1);
    }

    [Fact]
    public async Task Attack_MITM_revocation_list_with_version_2_pow_63_minus_1_is_refused_and_later_genuine_lists_are_accepted()
    {
        await SyncAsync();
        // The attacker cannot sign a trust list naming its key, so its list is signed by a key the agent does not trust...
        _api.Publish(new RevocationList(long.MaxValue, _now, _now.AddYears(100), []), new EcdsaIssuerSigner(_mitm));
        var mitm = await RunAsync("sync", "--api", Api);
        // ...and whatever trust list it serves with it is not the root's.
        _api.TrustList = _issuer.SignedTrustList(2, _now, _mitm, TestIssuer.Trusted(_mitm));
        var mitmWithItsOwnTrustList = await RunAsync("sync", "--api", Api);
        _api.TrustList = _issuer.SignedTrustList(2, _now, _issuer.Root, TestIssuer.Trusted(_issuer.Key));
        _api.Publish(List(version: 2, new RevokedCard(TestIssuer.SamplePermit.PermitNumber, 1)));
        var genuine = await RunAsync("sync", "--api", Api);
        var verified = await RunAsync("verify-qr", Qr, "--json");

        Assert.Equal(ExitCodes.DataInvalid, mitm.ExitCode);
        Assert.Contains("unknown-key", mitm.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.DataInvalid, mitmWithItsOwnTrustList.ExitCode);
        Assert.Equal(ExitCodes.Ok, genuine.ExitCode);
        AssertHeld(trustList: 2, revocationList: 2);
        Assert.Equal("revoked", verified.Json.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Attack_huge_revocation_list_signed_with_a_stolen_key_stops_blocking_once_the_root_revokes_that_key()
    {
        await SyncAsync();
        // The thief signs version 2^63-1 with the stolen (still trusted) key: the agent takes it, it is the newest.
        _api.Publish(new RevocationList(long.MaxValue, _now, _now.AddYears(100), []));
        await SyncAsync();
        // The root revokes the stolen key and names the next one, which signs the genuine list.
        _api.TrustList = _issuer.SignedTrustList(2, _now, _issuer.Root, TestIssuer.Trusted(_issuer.Key, TrustedKeyStatus.Revoked), TestIssuer.Trusted(_next));
        _api.Publish(List(version: 3), new EcdsaIssuerSigner(_next));

        var sync = await RunAsync("sync", "--api", Api);

        Assert.True(sync.ExitCode == ExitCodes.Ok, sync.ToString());
        AssertHeld(trustList: 2, revocationList: 3);
    }

    [Fact]
    public async Task Attack_revoked_issuer_key_makes_its_card_and_QR_refused_offline_as_issuer_key_revoked()
    {
        await SyncAsync();
        var reader = PersonalizedCard();
        _api.TrustList = _issuer.SignedTrustList(2, _now, _issuer.Root, TestIssuer.Trusted(_issuer.Key, TrustedKeyStatus.Revoked), TestIssuer.Trusted(_next));
        _api.Publish(List(version: 2), new EcdsaIssuerSigner(_next));
        await SyncAsync();
        _api.Reachable = false;

        var qr = await RunAsync("verify-qr", Qr, "--json");
        var card = await RunAsync(Host(reader), "read-permit", "--json");

        Assert.Equal("issuer-key-revoked", qr.Json.GetProperty("reason").GetString());
        Assert.Equal(ExitCodes.NotGenuine, card.ExitCode);
        Assert.Equal("issuer-key-revoked", card.Json.GetProperty("reason").GetString());
        Assert.False(card.Json.TryGetProperty("permit", out var permit) && permit.ValueKind != System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Attack_revocation_list_past_the_grace_makes_card_and_QR_not_eligible_offline()
    {
        await SyncAsync();
        var reader = PersonalizedCard();
        _api.Reachable = false;
        _now = _now.AddDays(1).AddHours(25);   // nextUpdate was now + 1 day; the grace is 24 h

        var qr = await RunAsync("verify-qr", Qr, "--json");
        var card = await RunAsync(Host(reader), "read-permit", "--json");

        Assert.Equal(ExitCodes.NotGenuine, qr.ExitCode);
        Assert.Equal("revocation-data-stale", qr.Json.GetProperty("reason").GetString());
        Assert.Equal(ExitCodes.NotGenuine, card.ExitCode);
        Assert.Equal("revocation-data-stale", card.Json.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Two_issuers_a_QR_from_another_Zhejiang_district_verifies_offline_and_a_key_used_outside_its_regions_is_refused()
    {
        using var haishu = ECDsa.Create(ECCurve.NamedCurves.nistP256);   // TEST KEY: Haishu district's issuer
        _api.TrustList = _issuer.SignedTrustList(1, _now, _issuer.Root,
            TestIssuer.Trusted(_issuer.Key, TrustedKeyStatus.Active, "330211"), TestIssuer.Trusted(haishu, TrustedKeyStatus.Active, "330203"));
        await SyncAsync();
        _api.Reachable = false;
        var haishuPermit = TestIssuer.SamplePermit with { PermitNumber = TestIssuer.WithCheck("33020320260000042"), ResidenceRegion = "330203" };
        var fromHaishu = QrCredential.Issue(QrClaims.ForPermit(haishuPermit, _now), new EcdsaIssuerSigner(haishu));
        var zhenhaiNumberByHaishu = QrCredential.Issue(QrClaims.ForPermit(TestIssuer.SamplePermit, _now), new EcdsaIssuerSigner(haishu));

        var other = await RunAsync("verify-qr", fromHaishu, "--json");
        var ours = await RunAsync("verify-qr", Qr, "--json");
        var outside = await RunAsync("verify-qr", zhenhaiNumberByHaishu, "--json");

        Assert.True(other.ExitCode == ExitCodes.Ok, other.ToString());
        Assert.Equal(ExitCodes.Ok, ours.ExitCode);
        Assert.Equal("issuer-not-authorised-for-region", outside.Json.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Without_a_pinned_trust_root_sync_refuses_to_trust_anything()
    {
        var sync = await Agent.RunAsync(Host() with { Settings = new AgentSettings { StateDirectory = _state } }, "sync", "--api", Api);

        Assert.Equal(ExitCodes.Usage, sync.ExitCode);
        Assert.Contains("trust root", sync.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_state, OfflineStore.TrustListFile)));
    }

    public void Dispose()
    {
        _api.Dispose();
        _issuer.Dispose();
        _next.Dispose();
        _mitm.Dispose();
        Directory.Delete(_state, recursive: true);
    }

    private void AssertHeld(long trustList, long revocationList)
    {
        var store = new OfflineStore(_state, _issuer.RootPublicKeyPath);
        var held = store.LoadSignedTrustList()!;
        Assert.Equal(trustList, held.Version);
        Assert.Equal(revocationList, store.LoadRevocationList(held.Keys)!.Version);
    }

    private InProcessReader PersonalizedCard()
    {
        var reader = new InProcessReader(PersonalizeCommandTests.BlankCard());
        using var key = KeyFiles.LoadIssuerPrivateKey(_issuer.PrivateKeyPath);
        Personalizer.Personalize(new PermitCardSession(reader.Connect()), new PersonalizationInput(
            TestIssuer.SamplePermit, TestIssuer.PhotoFileBytes, new EcdsaIssuerSigner(key), PersonalizationInput.DefaultTransportCode));
        return reader;
    }

    private async Task SyncAsync()
    {
        var sync = await RunAsync("sync", "--api", Api);
        Assert.True(sync.ExitCode == ExitCodes.Ok, sync.ToString());
    }

    private RevocationList List(long version, params RevokedCard[] revoked) => new(version, _now, _now.AddDays(1), revoked);

    private AgentHost Host(InProcessReader? reader = null) => new(
        new InProcessTerminals(permitReader: reader),
        new AgentSettings { StateDirectory = _state, TrustRootPublicKeyFile = _issuer.RootPublicKeyPath },
        new FakeTimeProvider(_now))
    {
        ApiClients = url => new HttpClient(_api, disposeHandler: false) { BaseAddress = url },
    };

    private Task<AgentRun> RunAsync(params string[] args) => Agent.RunAsync(Host(), args);

    private static Task<AgentRun> RunAsync(AgentHost host, params string[] args) => Agent.RunAsync(host, args);
}
