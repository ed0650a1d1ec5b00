using System.Security.Cryptography;
using Permit.Api.Keys;
using Permit.Api.Security.Fields;
using Permit.Api.Tests.Keys;
using Permit.Domain.Identity;

namespace Permit.Api.Tests.Security;

public sealed class CitizenIdProtectorTests : IDisposable
{
    // A published GB 11643 example number, not a real person's.
    private static readonly CitizenIdNumber Number = CitizenIdNumber.Parse("11010519491231002X");
    private static readonly CitizenIdNumber Other = CitizenIdNumber.Parse("110105194912310038");

    private readonly TestKeyDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void An_encrypted_number_decrypts_to_the_same_number_and_does_not_contain_it()
    {
        var protector = new CitizenIdProtector(DataProtectionKeys.LoadOrCreate(_directory.Keys));

        var stored = protector.Protect(Number);

        Assert.StartsWith("v1:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("19491231", stored, StringComparison.Ordinal);
        Assert.True(stored.Length <= CitizenIdProtector.StoredMaxLength);
        Assert.Equal(Number, protector.Unprotect(stored));
    }

    [Fact]
    public void Encrypting_the_same_number_twice_gives_different_ciphertexts_with_fresh_nonces()
    {
        var protector = new CitizenIdProtector(DataProtectionKeys.LoadOrCreate(_directory.Keys));

        Assert.NotEqual(protector.Protect(Number), protector.Protect(Number));
    }

    [Fact]
    public void A_changed_ciphertext_is_refused_rather_than_decrypted()
    {
        var protector = new CitizenIdProtector(DataProtectionKeys.LoadOrCreate(_directory.Keys));
        var stored = protector.Protect(Number).ToCharArray();
        stored[10] = stored[10] == 'A' ? 'B' : 'A';

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(new string(stored)));
    }

    [Fact]
    public void The_blind_index_is_equal_for_equal_numbers_and_different_for_different_ones()
    {
        var protector = new CitizenIdProtector(DataProtectionKeys.LoadOrCreate(_directory.Keys));

        var index = protector.BlindIndex(Number);

        Assert.Matches("^[0-9a-f]{32}$", index);
        Assert.Equal(index, protector.BlindIndex(CitizenIdNumber.Parse("11010519491231002x")));
        Assert.NotEqual(index, protector.BlindIndex(Other));
    }

    [Fact]
    public void The_blind_index_depends_on_the_key_so_another_installation_cannot_match_it()
    {
        using var elsewhere = new TestKeyDirectory();
        var here = new CitizenIdProtector(DataProtectionKeys.LoadOrCreate(_directory.Keys));
        var there = new CitizenIdProtector(DataProtectionKeys.LoadOrCreate(elsewhere.Keys));

        Assert.NotEqual(here.BlindIndex(Number), there.BlindIndex(Number));
    }

    [Fact]
    public void After_adding_an_encryption_key_new_values_use_it_and_old_values_still_decrypt()
    {
        var before = new CitizenIdProtector(DataProtectionKeys.LoadOrCreate(_directory.Keys));
        var old = before.Protect(Number);

        Assert.Equal(2, DataProtectionKeys.AddEncryptionKey(_directory.Keys));
        var after = new CitizenIdProtector(DataProtectionKeys.LoadOrCreate(_directory.Keys));

        Assert.StartsWith("v2:", after.Protect(Number), StringComparison.Ordinal);
        Assert.Equal(Number, after.Unprotect(old));
        Assert.Equal(before.BlindIndex(Number), after.BlindIndex(Number));
    }

    [Fact]
    public async Task A_stored_row_holds_ciphertext_is_found_by_its_blind_index_and_a_duplicate_number_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var protector = new CitizenIdProtector(DataProtectionKeys.LoadOrCreate(_directory.Keys));
        var (connectionString, folder) = await SecurityTestDb.CreateDatabaseAsync(protector, ct);
        try
        {
            await using (var db = SecurityTestDb.Open(connectionString, protector))
            {
                db.People.Add(new PersonRow { CitizenId = Number });
                db.People.Add(new PersonRow { CitizenId = Other });
                await db.SaveChangesAsync(ct);
            }

            await using (var db = SecurityTestDb.Open(connectionString, protector))
            {
                var raw = await db.Database.SqlQueryRaw<string>("SELECT CitizenId AS Value FROM People").ToListAsync(ct);
                Assert.All(raw, value => Assert.StartsWith("v1:", value, StringComparison.Ordinal));
                var found = await db.People.WhereCitizenIdIs(protector, CitizenIdNumber.Parse("11010519491231002x")).SingleAsync(ct);
                Assert.Equal(Number, found.CitizenId);
            }

            await using (var db = SecurityTestDb.Open(connectionString, protector))
            {
                db.People.Add(new PersonRow { CitizenId = Number });
                await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
            }
        }
        finally
        {
            SecurityTestDb.Delete(folder);
        }
    }
}
