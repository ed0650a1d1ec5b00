namespace Permit.Api.Audit;

/// <summary>
/// The <c>AuditEntries</c> table. Applied explicitly by the context (<c>AuditModel.Configure(modelBuilder)</c>) rather
/// than discovered as an <c>IEntityTypeConfiguration</c>, so the table joins the model in one deliberate step.
/// </summary>
public static class AuditModel
{
    public const string SequenceIndex = "UX_AuditEntries_Sequence";

    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("AuditEntries");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Id).ValueGeneratedNever();
            entry.Property(e => e.Sequence).ValueGeneratedNever();
            entry.HasIndex(e => e.Sequence).IsUnique().HasDatabaseName(SequenceIndex);
            entry.HasIndex(e => e.ResidentId);
            entry.Property(e => e.ActorId).HasMaxLength(AuditEntry.TextMaxLength);
            entry.Property(e => e.ActorName).HasMaxLength(AuditEntry.TextMaxLength);
            entry.Property(e => e.ActorRole).HasMaxLength(AuditEntry.TextMaxLength);
            entry.Property(e => e.Terminal).HasMaxLength(AuditEntry.TextMaxLength);
            entry.Property(e => e.Action).HasMaxLength(AuditEntry.TextMaxLength);
            entry.Property(e => e.Purpose).HasMaxLength(AuditEntry.TextMaxLength);
            entry.Property(e => e.PreviousHash).HasMaxLength(AuditEntry.HashLength).IsUnicode(false);
            entry.Property(e => e.Hash).HasMaxLength(AuditEntry.HashLength).IsUnicode(false);
        });
    }
}
