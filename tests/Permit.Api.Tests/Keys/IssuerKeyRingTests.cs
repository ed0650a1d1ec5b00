using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Permit.Api.Keys;
using Permit.Domain.Credentials.Signing;
using Permit.Domain.Credentials.Trust;

namespace Permit.Api.Tests.Keys;

public sealed class IssuerKeyRingTests
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_first_start_creates_one_active_p256_key_named_by_its_key_id()
    {
        using var directory = new TestKeyDirectory();

        using var ring = IssuerKeyRing.LoadOrCreate(directory.Keys, _time);

        var key = Assert.Single(ring.Keys);
        Assert.Equal(IssuerKeyStatus.Active, key.Status);
        Assert.Equal(_time.GetUtcNow(), key.CreatedAt);
        Assert.Equal(IssuerKeyId.ToHex(IssuerKeyId.FromKey(key.PrivateKey)), key.KeyId);
        Assert.Matches("^[0-9a-f]{16}$", key.KeyId);
        Assert.True(directory.Keys.Exists($"issuer-{key.KeyId}.key.pem"));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", directory.Keys.ReadText($"issuer-{key.KeyId}.key.pem"), StringComparison.Ordinal);
        Assert.Equal(key.KeyId, IssuerKeyId.ToHex(ring.ActiveSigner.KeyId.Span));
    }

    [Fact]
    public void Rotation_makes_a_new_key_active_and_keeps_the_old_key_trusted()
    {
        using var directory = new TestKeyDirectory();
        string oldKeyId;
        byte[] oldSignature;
        var data = "EF.SIG H1||H2||H3"u8.ToArray();
        using (var before = IssuerKeyRing.LoadOrCreate(directory.Keys, _time))
        {
            oldKeyId = before.Active.KeyId;
            oldSignature = before.ActiveSigner.Sign(data);
        }

        _time.Advance(TimeSpan.FromDays(365));
        var newKeyId = IssuerKeyRing.Rotate(directory.Keys, _time);
        using var after = IssuerKeyRing.LoadOrCreate(directory.Keys, _time);

        Assert.NotEqual(oldKeyId, newKeyId);
        Assert.Equal(newKeyId, after.Active.KeyId);
        Assert.Equal(IssuerKeyStatus.Retired, after.Keys.Single(k => k.KeyId == oldKeyId).Status);
        var trust = after.ToTrustList();
        Assert.True(trust.TryFind(Convert.FromHexString(oldKeyId), out var oldTrusted));
        using var verificationKey = oldTrusted.CreateVerificationKey();
        Assert.True(P256.Verify(verificationKey, data, oldSignature));
        Assert.True(trust.TryFind(Convert.FromHexString(newKeyId), out _));
    }

    [Fact]
    public void The_published_trust_list_reads_back_with_the_domain_importer_and_names_status_and_creation_time()
    {
        using var directory = new TestKeyDirectory();
        IssuerKeyRing.LoadOrCreate(directory.Keys, _time).Dispose();
        IssuerKeyRing.Rotate(directory.Keys, _time);
        using var ring = IssuerKeyRing.LoadOrCreate(directory.Keys, _time);

        var json = JsonSerializer.Serialize(ring.Publish(), WebJson);
        var imported = TrustListImport.FromJson(json);

        Assert.True(imported.IsValid, imported.Error);
        Assert.Equal(ring.Keys.Select(k => k.KeyId).Order(), imported.Value!.Keys.Select(k => k.KeyIdHex).Order());
        using var document = JsonDocument.Parse(json);
        var statuses = document.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("status").GetString());
        Assert.Equal(["Active", "Retired"], statuses.Order());
        Assert.All(document.RootElement.GetProperty("keys").EnumerateArray(), k =>
        {
            Assert.StartsWith("-----BEGIN PUBLIC KEY-----", k.GetProperty("spkiPem").GetString(), StringComparison.Ordinal);
            Assert.Equal(_time.GetUtcNow(), k.GetProperty("createdAt").GetDateTimeOffset());
        });
        Assert.DoesNotContain("PRIVATE", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_file_that_does_not_hold_the_named_key_is_refused()
    {
        using var directory = new TestKeyDirectory();
        string keyId;
        using (var ring = IssuerKeyRing.LoadOrCreate(directory.Keys, _time))
            keyId = ring.Active.KeyId;
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(directory.Keys.PathOf(IssuerKeyRing.KeyFile(keyId)), other.ExportPkcs8PrivateKeyPem());

        Assert.Throws<InvalidOperationException>(() => IssuerKeyRing.LoadOrCreate(directory.Keys, _time));
    }
}
