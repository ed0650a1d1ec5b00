using Permit.Domain.Points;
using Permit.Domain.Residents;

namespace Permit.Api.Features.Points;

/// <summary>Tables of the points ledger, applied by the context (<c>PointsModel.Configure(modelBuilder)</c>).</summary>
public static class PointsModel
{
    /// <summary>One reversal per entry, one imported fact per natural key (see <see cref="PointsEntry.Key"/>): only entries with a key.</summary>
    public const string EntryKeyIndex = "UX_PointsEntries_ResidentId_Key";

    /// <summary>One accrual per resident, indicator and month (see <see cref="PointsEntry.AccrualMonth"/>): a resident's
    /// id and two small integers, the key the monthly accrual's set-based inserts check a million times.</summary>
    public const string AccrualKeyIndex = "UX_PointsEntries_ResidentId_AccrualIndicator_AccrualMonth";

    /// <summary>The accrual entries still under their text key <c>accrual:yyyy-MM:indicator</c>.</summary>
    private const string TextKeyedAccrualEntries =
        " WHERE \"Key\" LIKE 'accrual:%' AND \"Indicator\" IN ('" + IndicatorCodes.SocialInsurance + "', '" + IndicatorCodes.Residence + "')";

    /// <summary>Their (indicator, month), read from the indicator and the period.</summary>
    private const string NarrowKeyColumns =
        "UPDATE \"PointsEntries\" SET"
        + " \"AccrualIndicator\" = CASE \"Indicator\" WHEN '" + IndicatorCodes.SocialInsurance + "' THEN 1 ELSE 2 END,"
        + " \"AccrualMonth\" = CAST(SUBSTRING(\"Period\", 1, 4) AS INT) * 100 + CAST(SUBSTRING(\"Period\", 6, 2) AS INT)";

    /// <summary>
    /// Moves the accrual entries written before the narrow key (<c>NarrowLedgerKey</c> migration) from their text key
    /// <c>accrual:yyyy-MM:indicator</c> to the two columns, so a re-run of an old month still finds them. One statement,
    /// run by that migration on PostgreSQL and SQL Server between adding the columns and making the new unique index.
    /// </summary>
    public const string NarrowLedgerKeySql = NarrowKeyColumns + ", \"Key\" = NULL" + TextKeyedAccrualEntries;

    /// <summary>
    /// SQLite's half of <see cref="NarrowLedgerKeySql"/>: only the two columns. EF rebuilds a SQLite table at the end of
    /// a migration, after its SQL, so <c>Key</c> is still NOT NULL when <c>NarrowLedgerKey</c>'s statement runs there;
    /// <see cref="ClearAccrualTextKeysSql"/> follows in the next migration, on the rebuilt table.
    /// </summary>
    public const string AccrualKeyColumnsSql = NarrowKeyColumns + TextKeyedAccrualEntries;

    /// <summary>SQLite's second half (migration <c>ClearAccrualTextKeys</c>): the moved entries drop their text key.</summary>
    public const string ClearAccrualTextKeysSql =
        "UPDATE \"PointsEntries\" SET \"Key\" = NULL WHERE \"AccrualMonth\" IS NOT NULL AND \"Key\" LIKE 'accrual:%'";

    /// <summary>The way back (the migration's Down): accrual entries get <c>accrual:yyyy-MM:indicator</c> again.</summary>
    public const string WideLedgerKeySql =
        "UPDATE \"PointsEntries\" SET \"Key\" = CONCAT('accrual:', \"Period\", ':', \"Indicator\")"
        + " WHERE \"AccrualMonth\" IS NOT NULL AND \"Key\" IS NULL";

    public const int MaxRuleSetVersionLength = 80;

    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<PointsBalance>(balance =>
        {
            balance.ToTable("PointsBalances");
            balance.HasKey(b => b.ResidentId);
            balance.Property(b => b.ResidentId).ValueGeneratedNever();
            balance.HasOne<Resident>().WithOne().HasForeignKey<PointsBalance>(b => b.ResidentId).OnDelete(DeleteBehavior.Restrict);
            balance.Property(b => b.RuleSetVersion).HasMaxLength(MaxRuleSetVersionLength).IsUnicode(false);
            // Publishing a version finds the balances still to move through it.
            balance.HasIndex(b => b.RuleSetVersion);
        });

        modelBuilder.Entity<PointsEntry>(entry =>
        {
            entry.ToTable("PointsEntries");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Id).ValueGeneratedOnAdd();
            entry.HasOne<Resident>().WithMany().HasForeignKey(e => e.ResidentId).OnDelete(DeleteBehavior.Restrict);
            // Filtered to the entries with a key (the same text on all three providers), so an accrual entry adds no
            // line to it; the accrual index also serves every read of one resident's ledger.
            entry.HasIndex(e => new { e.ResidentId, e.Key }).IsUnique().HasDatabaseName(EntryKeyIndex).HasFilter("\"Key\" IS NOT NULL");
            entry.HasIndex(e => new { e.ResidentId, e.AccrualIndicator, e.AccrualMonth }).IsUnique().HasDatabaseName(AccrualKeyIndex);
            entry.Property(e => e.AccrualIndicator).HasConversion<short>();
            entry.Property(e => e.Indicator).HasMaxLength(PointsEntry.MaxIndicatorLength).IsUnicode(false);
            entry.Property(e => e.Level).HasMaxLength(PointsEntry.MaxLevelLength).IsUnicode(false);
            entry.Property(e => e.Period).HasMaxLength(7).IsUnicode(false);
            entry.Property(e => e.Source).HasMaxLength(40).IsUnicode(false);
            entry.Property(e => e.RuleSetVersion).HasMaxLength(MaxRuleSetVersionLength).IsUnicode(false);
            entry.Property(e => e.Officer).HasMaxLength(PointsEntry.MaxTextLength);
            entry.Property(e => e.EvidenceReference).HasMaxLength(PointsEntry.MaxTextLength);
            entry.Property(e => e.Key).HasMaxLength(PointsEntry.MaxKeyLength).IsUnicode(false);
            entry.Ignore(e => e.Points);
        });

        modelBuilder.Entity<PublishedRuleSet>(ruleSet =>
        {
            ruleSet.ToTable("PointsRuleSets");
            ruleSet.HasKey(r => new { r.RuleSetId, r.Version });
            ruleSet.Property(r => r.RuleSetId).HasMaxLength(64).IsUnicode(false);
            ruleSet.Property(r => r.PublishedBy).HasMaxLength(PointsEntry.MaxTextLength);
        });

        modelBuilder.Entity<SocialInsuranceCover>(cover =>
        {
            cover.ToTable("SocialInsuranceCovers");
            cover.HasKey(c => c.Id);
            cover.Property(c => c.Id).ValueGeneratedNever();
            cover.HasOne<Resident>().WithMany().HasForeignKey(c => c.ResidentId).OnDelete(DeleteBehavior.Restrict);
            cover.HasIndex(c => c.ResidentId);
            cover.Property(c => c.EvidenceReference).HasMaxLength(PointsEntry.MaxTextLength);
            cover.Property(c => c.RecordedBy).HasMaxLength(PointsEntry.MaxTextLength);
        });

        modelBuilder.Entity<PointsReview>(review =>
        {
            review.ToTable("PointsReviews");
            review.HasKey(r => r.Id);
            review.Property(r => r.Id).ValueGeneratedNever();
            review.HasOne<Resident>().WithMany().HasForeignKey(r => r.ResidentId).OnDelete(DeleteBehavior.Restrict);
            review.HasIndex(r => r.ResidentId);
            review.HasIndex(r => r.Status);
            review.Property(r => r.Indicator).HasMaxLength(PointsEntry.MaxIndicatorLength).IsUnicode(false);
            review.Property(r => r.Reason).HasMaxLength(PointsReview.MaxTextLength);
            review.Property(r => r.Resolution).HasMaxLength(PointsReview.MaxTextLength);
            review.Property(r => r.ResolvedBy).HasMaxLength(PointsEntry.MaxTextLength);
        });
    }
}
