using Permit.Api.Infrastructure.Tasks;
using Permit.Api.Keys;
using Permit.Api.Security.Fields;
using Permit.Domain.Identity;

namespace Permit.Api.Tests.Keys;

/// <summary>
/// <c>keys rotate-field-key</c> moves every sealed ID number and address to a new key version in batches: afterwards
/// nothing is left on the old key, every record still reads, duplicates are still caught by the blind index, and a run
/// that was interrupted resumes instead of starting a third key.
/// </summary>
public sealed class FieldKeyRotationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rotating_the_field_key_reseals_every_id_number_and_address_and_lookups_still_find_the_holder()
    {
        await using var host = new PermitTestHost();
        var arranged = await PermitArrange.ApprovedApplicationsAsync(host, 5);
        using var output = new StringWriter();

        Assert.Equal(0, await ApiCommandLine.RunAsync(host.Services, ["keys", "rotate-field-key", "2"], TextReader.Null, output, Ct));

        var text = output.ToString();
        Assert.Contains("Field key version 2 added", text, StringComparison.Ordinal);
        Assert.Contains("Residents: 2 re-encrypted, 3 to go", text, StringComparison.Ordinal);
        Assert.Contains("Residents: 5 re-encrypted, 0 to go", text, StringComparison.Ordinal);
        await using var db = ContextWithCurrentKeys(host, out var keys);
        Assert.Equal(2, keys.ActiveEncryptionVersion);
        Assert.Equal(0, await FieldKeyRotation.CountBehindAsync(db, 2, Ct));
        Assert.All(await RawAsync(db, "SELECT \"CitizenId\" AS \"Value\" FROM \"Residents\""), v => Assert.StartsWith("v2:", v, StringComparison.Ordinal));
        Assert.All(await RawAsync(db, "SELECT \"Address\" AS \"Value\" FROM \"ResidenceRegistrations\""), v => Assert.StartsWith("v2:", v, StringComparison.Ordinal));
        var holder = await db.ResidentsWithCitizenId(CitizenIdNumber.Parse(PermitArrange.IdNumber(3))).SingleAsync(Ct);
        Assert.Equal(arranged[3].ResidentId, holder.Id);
        Assert.Equal("北京市东城区东华门街道1号", holder.HukouAddress);
    }

    [Fact]
    public async Task An_interrupted_rotation_resumes_on_the_next_run_without_adding_another_key()
    {
        await using var host = new PermitTestHost();
        await PermitArrange.ApprovedApplicationsAsync(host, 4);
        var directory = host.Services.GetRequiredService<KeyDirectory>();
        DataProtectionKeys.AddEncryptionKey(directory);
        await using (var interrupted = ContextWithCurrentKeys(host, out _))
        {
            await Assert.ThrowsAsync<OperationCanceledException>(() => FieldKeyRotation.RunAsync(
                interrupted, 2, 1, _ => throw new OperationCanceledException("the operator pressed Ctrl+C"), Ct));
            Assert.Equal(7, await FieldKeyRotation.CountBehindAsync(interrupted, 2, Ct)); // 3 residents + 4 registrations
        }

        using var output = new StringWriter();
        Assert.Equal(0, await ApiCommandLine.RunAsync(host.Services, ["keys", "rotate-field-key"], TextReader.Null, output, Ct));

        Assert.Contains("Resuming the rotation to field key version 2", output.ToString(), StringComparison.Ordinal);
        Assert.False(directory.Exists(DataProtectionKeys.EncryptionFile(3)));
        await using var db = ContextWithCurrentKeys(host, out _);
        Assert.Equal(0, await FieldKeyRotation.CountBehindAsync(db, 2, Ct));
    }

    private static PermitDbContext ContextWithCurrentKeys(PermitTestHost host, out DataProtectionKeys keys)
    {
        keys = DataProtectionKeys.LoadOrCreate(host.Services.GetRequiredService<KeyDirectory>());
        return PermitDatabase.CreateContext(host.Provider, host.ConnectionString, new CitizenIdProtector(keys));
    }

    private static Task<List<string>> RawAsync(PermitDbContext db, string sql) => db.Database.SqlQueryRaw<string>(sql).ToListAsync(Ct);
}

/// <summary>Photos are sealed with the field key too: a rotation reseals them and they still open.</summary>
public sealed class PhotoKeyRotationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rotating_the_field_key_reseals_every_photo_and_the_officer_still_sees_it()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var residentId = (await PermitArrange.ApprovedApplicationsAsync(host, 1))[0].ResidentId;
        await Features.Photos.PhotoTests.TakenAsync(officer, residentId);
        using var output = new StringWriter();

        Assert.Equal(0, await ApiCommandLine.RunAsync(host.Services, ["keys", "rotate-field-key", "2"], TextReader.Null, output, Ct));

        Assert.Contains("ResidentPhotos: 1 re-encrypted, 0 to go", output.ToString(), StringComparison.Ordinal);
        var keys = DataProtectionKeys.LoadOrCreate(host.Services.GetRequiredService<KeyDirectory>());
        await using var db = PermitDatabase.CreateContext(host.Provider, host.ConnectionString, new CitizenIdProtector(keys));
        var photo = await db.Set<Api.Features.Photos.ResidentPhoto>().SingleAsync(Ct);
        Assert.Equal(2, photo.KeyVersion);
        Assert.Equal([0xFF, 0xD8], photo.Open(new CitizenIdProtector(keys))[..2]);
    }
}
