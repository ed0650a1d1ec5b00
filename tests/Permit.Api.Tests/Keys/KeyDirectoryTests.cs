using System.Runtime.Versioning;
using Permit.Api.Keys;

namespace Permit.Api.Tests.Keys;

public sealed class KeyDirectoryTests
{
    [Fact]
    public void The_key_directory_and_every_key_file_are_readable_by_the_owner_only()
    {
        if (OperatingSystem.IsWindows())
            Assert.Skip("Unix file modes do not exist on Windows.");
        else
            AssertOwnerOnly();
    }

    [UnsupportedOSPlatform("windows")]
    private static void AssertOwnerOnly()
    {
        using var directory = new TestKeyDirectory();

        DataProtectionKeys.LoadOrCreate(directory.Keys);
        using var ring = IssuerKeyRing.LoadOrCreate(directory.Keys, TimeProvider.System);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(directory.Keys.Path));
        var files = Directory.GetFiles(directory.Keys.Path);
        Assert.Contains(files, f => f.EndsWith(DataProtectionKeys.BlindIndexFile, StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".key.pem", StringComparison.Ordinal));
        Assert.All(files, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
    }

    [Fact]
    public void Data_protection_keys_are_separate_256_bit_keys_that_survive_a_restart()
    {
        using var directory = new TestKeyDirectory();

        var first = DataProtectionKeys.LoadOrCreate(directory.Keys);
        var again = DataProtectionKeys.LoadOrCreate(directory.Keys);

        Assert.True(first.TryGetEncryptionKey(1, out var encryption));
        Assert.Equal(32, encryption.Length);
        Assert.Equal(32, first.BlindIndexKey.Length);
        Assert.False(encryption.Span.SequenceEqual(first.BlindIndexKey.Span));
        Assert.False(first.TokenSigningKey.Span.SequenceEqual(first.BlindIndexKey.Span));
        Assert.True(again.BlindIndexKey.Span.SequenceEqual(first.BlindIndexKey.Span));
        Assert.True(again.TryGetEncryptionKey(1, out var reloaded) && reloaded.Span.SequenceEqual(encryption.Span));
    }

    [Fact]
    public void An_existing_key_file_is_never_overwritten()
    {
        using var directory = new TestKeyDirectory();
        directory.Keys.CreateFile("a.key", [1, 2, 3]);

        Assert.Throws<IOException>(() => directory.Keys.CreateFile("a.key", [4, 5, 6]));
        Assert.Equal([1, 2, 3], directory.Keys.ReadBytes("a.key"));
    }
}
