namespace Permit.Api.Features.Duplicates;

/// <summary>Tables of the duplicate scan: <c>DuplicateSuspicions</c> (one row per pair, ever) and <c>ResidentMerges</c>.</summary>
public static class DuplicatesModel
{
    public const string PairIndex = "UX_DuplicateSuspicions_Pair";

    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<DuplicateSuspicion>(suspicion =>
        {
            suspicion.ToTable("DuplicateSuspicions");
            suspicion.HasKey(s => s.Id);
            suspicion.Property(s => s.Id).ValueGeneratedNever();
            // One row per pair whatever was decided: a "not the same person" stays and keeps the pair out of later scans.
            suspicion.HasIndex(s => new { s.FirstResidentId, s.SecondResidentId }).IsUnique().HasDatabaseName(PairIndex);
            suspicion.HasIndex(s => s.SecondResidentId);
            suspicion.HasIndex(s => s.Status);
            suspicion.Property(s => s.Digits).HasMaxLength(8).IsUnicode(false);
            // Flags: several names at once do not fit the enum-by-name convention's 32 characters.
            suspicion.Property(s => s.NameVariance).HasConversion<int>();
            suspicion.Property(s => s.Evidence).HasMaxLength(DuplicateSuspicion.EvidenceMaxLength);
            suspicion.Property(s => s.DecidedBy).HasMaxLength(DuplicateSuspicion.OfficerMaxLength);
            // Two supervisors deciding one pair at once: the second save fails (409) instead of deciding twice.
            suspicion.Property(s => s.Status).IsConcurrencyToken();
        });

        modelBuilder.Entity<ResidentMerge>(merge =>
        {
            merge.ToTable("ResidentMerges");
            merge.HasKey(m => m.MergedId);
            merge.Property(m => m.MergedId).ValueGeneratedNever();
            merge.HasIndex(m => m.SurvivorId);
            merge.Property(m => m.MergedName).HasMaxLength(60);
            merge.Property(m => m.MergedBy).HasMaxLength(DuplicateSuspicion.OfficerMaxLength);
        });
    }
}
