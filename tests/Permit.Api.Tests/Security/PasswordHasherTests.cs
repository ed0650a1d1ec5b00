using Microsoft.Extensions.Options;
using Permit.Api.Security.Passwords;

namespace Permit.Api.Tests.Security;

public sealed class PasswordHasherTests
{
    [Fact]
    public void A_hash_names_its_scheme_iterations_and_salt_and_verifies_only_the_right_password()
    {
        var hasher = new PasswordHasher(Options.Create(new PasswordOptions { Iterations = 1_000 }));

        var hash = hasher.Hash("correct horse battery");

        var parts = hash.Split('$');
        Assert.Equal(["pbkdf2-sha512", "1000"], parts[..2]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(64, Convert.FromBase64String(parts[3]).Length);
        Assert.True(PasswordHasher.Verify("correct horse battery", hash));
        Assert.False(PasswordHasher.Verify("correct horse batterY", hash));
    }

    [Fact]
    public void The_default_is_210000_iterations()
    {
        Assert.Equal(210_000, new PasswordOptions().Iterations);
    }

    [Fact]
    public void The_same_password_gets_a_different_salt_each_time()
    {
        Assert.NotEqual(PasswordHasher.Hash("same password", 1_000), PasswordHasher.Hash("same password", 1_000));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bcrypt$10$abc$def")]
    [InlineData("pbkdf2-sha512$x$AAAA$AAAA")]
    [InlineData("pbkdf2-sha512$1000$not base64$AAAA")]
    public void A_malformed_stored_hash_never_matches(string stored)
    {
        Assert.False(PasswordHasher.Verify("anything", stored));
    }

    [Fact]
    public void Five_wrong_passwords_lock_the_account_for_fifteen_minutes()
    {
        var options = new PasswordOptions();
        var account = new Account();
        var now = new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

        for (var i = 0; i < 4; i++)
            SignInAttempts.RecordFailure(account, now, options);
        Assert.False(SignInAttempts.IsLocked(account, now));
        SignInAttempts.RecordFailure(account, now, options);

        Assert.True(SignInAttempts.IsLocked(account, now.AddMinutes(14)));
        Assert.False(SignInAttempts.IsLocked(account, now.AddMinutes(15)));
    }

    private sealed class Account : ILockableAccount
    {
        public int FailedSignIns { get; set; }

        public DateTimeOffset? LockedUntil { get; set; }
    }
}
