namespace Permit.Api.Features.Statistics;

/// <summary>Tables of the statistics snapshots: <c>StatisticsSnapshots</c> and their <c>StatisticsFigures</c>.</summary>
public static class StatisticsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<StatisticsSnapshot>(snapshot =>
        {
            snapshot.ToTable("StatisticsSnapshots");
            snapshot.HasKey(s => s.Id);
            snapshot.Property(s => s.Id).ValueGeneratedNever();
            snapshot.Property(s => s.Trigger).HasMaxLength(StatisticsSnapshot.TriggerMaxLength).IsUnicode(false);
            // The page's question: the newest snapshot of today.
            snapshot.HasIndex(s => new { s.AsOf, s.TakenAt });
            snapshot.HasIndex(s => s.TakenAt);
        });

        modelBuilder.Entity<StatisticsFigure>(figure =>
        {
            figure.ToTable("StatisticsFigures");
            // The key is the page's read: one snapshot, one area, all its figures, in one index range.
            figure.HasKey(f => new { f.SnapshotId, f.Area, f.Name, f.Key });
            figure.Property(f => f.Area).HasMaxLength(StatisticsFigure.AreaMaxLength).IsUnicode(false);
            figure.Property(f => f.Name).HasMaxLength(StatisticsFigure.NameMaxLength).IsUnicode(false);
            figure.Property(f => f.Key).HasMaxLength(StatisticsFigure.KeyMaxLength).IsUnicode(false);
            figure.HasOne<StatisticsSnapshot>().WithMany().HasForeignKey(f => f.SnapshotId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
