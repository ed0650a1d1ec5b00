namespace Permit.Api.Features.Credentials;

/// <summary>The credential features' tables: published revocation lists (v1), status lists (v2), the status change marker and outstanding card challenges. Applied by the context like <c>PermitsModel</c>.</summary>
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
        modelBuilder.Entity<PublishedStatusList>(list =>
        {
            list.ToTable("StatusLists");
            list.HasKey(l => l.Number);
            list.Property(l => l.Number).ValueGeneratedNever();
            list.Property(l => l.KeyId).HasMaxLength(16).IsUnicode(false);
        });
        modelBuilder.Entity<StatusChangeMarker>(marker =>
        {
            marker.ToTable("StatusChangeMarkers");
            marker.HasKey(m => m.Id);
            marker.Property(m => m.Id).ValueGeneratedNever();
            marker.HasData(new StatusChangeMarker(StatusChangeMarker.RowId, StatusChangeMarker.Initial));
        });
        modelBuilder.Entity<CardChallenge>(challenge =>
        {
            challenge.ToTable("CardChallenges");
            challenge.HasKey(c => c.Nonce);
            challenge.Property(c => c.Nonce).HasMaxLength(CardChallenge.Length * 2).IsUnicode(false);
            challenge.Property(c => c.IssuedTo).HasMaxLength(CardChallenge.IssuedToMaxLength).IsUnicode(false);
            challenge.HasIndex(c => c.ExpiresAt).HasDatabaseName("IX_CardChallenges_ExpiresAt");
        });
    }
}
