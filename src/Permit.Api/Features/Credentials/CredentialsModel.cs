using Microsoft.EntityFrameworkCore;

namespace Permit.Api.Features.Credentials;

/// <summary>The credential features' table: published revocation lists. Applied by the context like <c>PermitsModel</c>.</summary>
public static class CredentialsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<PublishedRevocationList>(list =>
        {
            list.ToTable("RevocationLists");
            list.HasKey(l => l.Version);
            list.Property(l => l.Version).ValueGeneratedNever();
            list.Property(l => l.KeyId).HasMaxLength(16).IsUnicode(false);
        });
    }
}
