using Permit.Domain.Residents;
using Permit.Domain.Settlement;

namespace Permit.Api.Features.Settlement;

/// <summary>Tables of 落户: published condition sets, and category applications with the members settling with them.</summary>
public static class SettlementModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<PublishedSettlementDocument>(doc =>
        {
            doc.ToTable("PublishedSettlementDocuments");
            doc.HasKey(d => new { d.Kind, d.DocumentId, d.Version });
            doc.Property(d => d.Kind).HasMaxLength(20).IsUnicode(false);
            doc.Property(d => d.DocumentId).HasMaxLength(80).IsUnicode(false);
            doc.Property(d => d.PublishedBy).HasMaxLength(100);
        });

        modelBuilder.Entity<SettlementApplication>(application =>
        {
            application.HasAggregateVersion();
            application.ToTable("SettlementApplications");
            application.HasKey(a => a.Id);
            application.Property(a => a.Id).ValueGeneratedNever();
            application.Property(a => a.Category).HasMaxLength(40).IsUnicode(false);
            application.Property(a => a.ConditionSetVersion).HasMaxLength(100).IsUnicode(false);
            application.Property(a => a.SubmittedBy).HasMaxLength(100);
            application.Property(a => a.DecidedBy).HasMaxLength(100);
            application.Property(a => a.DecisionReasons).HasMaxLength(SettlementApplication.MaxReasonsLength);
            application.Property(a => a.UnmetConditions).HasMaxLength(1000).IsUnicode(false);
            application.Property(a => a.Documents).HasMaxLength(1000).IsUnicode(false);
            application.Property(a => a.InvestmentTenThousandYuan).HasPrecision(12, 2);
            application.HasOne<Resident>().WithMany().HasForeignKey(a => a.ApplicantId).OnDelete(DeleteBehavior.Restrict);
            application.HasIndex(a => a.ApplicantId);
            application.OwnsMany(a => a.Members, member =>
            {
                member.ToTable("SettlingMembers");
                member.WithOwner().HasForeignKey("ApplicationId");
                member.HasKey("ApplicationId", nameof(SettlingMember.MemberId));
                member.HasOne<Resident>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Restrict);
            });
            application.Navigation(a => a.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
    }
}

/// <summary>Tables of 积分落户 rounds: rounds, applicants (snapshots), objections, runs and their lines.</summary>
public static class SettlementRoundsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<SettlementRound>(round =>
        {
            round.HasAggregateVersion();
            round.ToTable("SettlementRounds");
            round.HasKey(r => r.Id);
            round.Property(r => r.Id).ValueGeneratedNever();
            round.Property(r => r.IndexVersion).HasMaxLength(100).IsUnicode(false);
            round.Property(r => r.OpenedBy).HasMaxLength(100);
            round.Ignore(r => r.Floors);
            round.HasIndex(r => r.Year).IsUnique().HasDatabaseName("UX_SettlementRounds_Year");
        });

        modelBuilder.Entity<Rounds.RoundApplicant>(applicant =>
        {
            applicant.ToTable("SettlementRoundApplicants");
            applicant.HasKey(a => a.Id);
            applicant.Property(a => a.Id).ValueGeneratedNever();
            applicant.Property(a => a.EducationLevel).HasMaxLength(64).IsUnicode(false);
            applicant.Property(a => a.SkillLevel).HasMaxLength(64).IsUnicode(false);
            applicant.Property(a => a.EnteredBy).HasMaxLength(100);
            applicant.Ignore(a => a.Facts);
            applicant.HasOne<SettlementRound>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Restrict);
            applicant.HasOne<Resident>().WithMany().HasForeignKey(a => a.ResidentId).OnDelete(DeleteBehavior.Restrict);
            // One application per resident per round.
            applicant.HasIndex(a => new { a.RoundId, a.ResidentId }).IsUnique().HasDatabaseName("UX_SettlementRoundApplicants_RoundId_ResidentId");
            applicant.OwnsMany(a => a.Members, member =>
            {
                member.ToTable("SettlementRoundMembers");
                member.WithOwner().HasForeignKey("RoundApplicantId");
                member.HasKey("RoundApplicantId", nameof(SettlingMember.MemberId));
                member.HasOne<Resident>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Restrict);
            });
            applicant.Navigation(a => a.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<RoundObjection>(objection =>
        {
            objection.HasAggregateVersion();
            objection.ToTable("SettlementRoundObjections");
            objection.HasKey(o => o.Id);
            objection.Property(o => o.Id).ValueGeneratedNever();
            objection.Property(o => o.Source).HasMaxLength(40).IsUnicode(false);
            objection.Property(o => o.ClaimedValue).HasMaxLength(64);
            objection.Property(o => o.Claim).HasMaxLength(RoundObjection.MaxTextLength);
            objection.Property(o => o.FiledBy).HasMaxLength(100);
            objection.Property(o => o.DecidedBy).HasMaxLength(100);
            objection.Property(o => o.DecisionReasons).HasMaxLength(RoundObjection.MaxTextLength);
            objection.HasOne<SettlementRound>().WithMany().HasForeignKey(o => o.RoundId).OnDelete(DeleteBehavior.Restrict);
            objection.HasOne<Rounds.RoundApplicant>().WithMany().HasForeignKey(o => o.ApplicantId).OnDelete(DeleteBehavior.Restrict);
            objection.HasIndex(o => o.RoundId);
        });

        modelBuilder.Entity<Rounds.RoundRun>(run =>
        {
            run.ToTable("SettlementRoundRuns");
            run.HasKey(r => r.Id);
            run.Property(r => r.Id).ValueGeneratedNever();
            run.Property(r => r.Trigger).HasMaxLength(60).IsUnicode(false);
            run.Property(r => r.RanBy).HasMaxLength(100);
            run.HasOne<SettlementRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Restrict);
            run.HasIndex(r => new { r.RoundId, r.Sequence }).IsUnique().HasDatabaseName("UX_SettlementRoundRuns_RoundId_Sequence");
            run.OwnsMany(r => r.Lines, line =>
            {
                line.ToTable("SettlementRoundLines");
                line.WithOwner().HasForeignKey("RunId");
                line.HasKey("RunId", nameof(Rounds.RoundRunLine.ApplicantId));
                line.Property(l => l.Outcome).HasMaxLength(20).IsUnicode(false);
                line.Property(l => l.Reason).HasMaxLength(40).IsUnicode(false);
                line.Property(l => l.TieBreak).HasMaxLength(20).IsUnicode(false);
            });
            run.Navigation(r => r.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
    }
}
