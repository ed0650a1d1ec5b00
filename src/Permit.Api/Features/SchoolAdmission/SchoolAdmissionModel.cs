using Permit.Domain.Permits;
using Permit.Domain.Residents;

namespace Permit.Api.Features.SchoolAdmission;

/// <summary>Tables of 积分入学: rounds, applicants, and runs with their snapshot lines.</summary>
public static class SchoolAdmissionModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<AdmissionRound>(round =>
        {
            round.ToTable("AdmissionRounds");
            round.HasKey(r => r.Id);
            round.Property(r => r.Id).ValueGeneratedNever();
            round.Property(r => r.Zone).HasMaxLength(AdmissionRound.ZoneMaxLength);
            round.Property(r => r.OpenedBy).HasMaxLength(100);
            round.Ignore(r => r.Conditions);
            round.HasIndex(r => new { r.Zone, r.SchoolYear }).IsUnique().HasDatabaseName("UX_AdmissionRounds_Zone_SchoolYear");
        });

        modelBuilder.Entity<AdmissionApplicant>(applicant =>
        {
            applicant.ToTable("AdmissionApplicants");
            applicant.HasKey(a => a.Id);
            applicant.Property(a => a.Id).ValueGeneratedNever();
            applicant.Property(a => a.ChildName).HasMaxLength(AdmissionApplicant.ChildNameMaxLength);
            applicant.Property(a => a.ParentPermitNumber).HasMaxLength(18).IsUnicode(false);
            applicant.Property(a => a.EnteredBy).HasMaxLength(100);
            applicant.HasOne<AdmissionRound>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Restrict);
            applicant.HasOne<ResidencePermit>().WithMany().HasForeignKey(a => a.ParentPermitId).OnDelete(DeleteBehavior.Restrict);
            applicant.HasOne<Resident>().WithMany().HasForeignKey(a => a.ParentResidentId).OnDelete(DeleteBehavior.Restrict);
            applicant.HasOne<Resident>().WithMany().HasForeignKey(a => a.ChildResidentId).OnDelete(DeleteBehavior.Restrict);
            // One application per child per round; the handler answers 409 before this is reached, except in a race.
            applicant.HasIndex(a => new { a.RoundId, a.ChildResidentId }).IsUnique().HasDatabaseName("UX_AdmissionApplicants_RoundId_ChildResidentId");
        });

        modelBuilder.Entity<AllocationRun>(run =>
        {
            run.ToTable("AllocationRuns");
            run.HasKey(r => r.Id);
            run.Property(r => r.Id).ValueGeneratedNever();
            run.Property(r => r.RanBy).HasMaxLength(100);
            run.HasOne<AdmissionRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Restrict);
            run.HasIndex(r => new { r.RoundId, r.Sequence }).IsUnique().HasDatabaseName("UX_AllocationRuns_RoundId_Sequence");
            run.OwnsMany(r => r.Lines, line =>
            {
                line.ToTable("AllocationLines");
                line.WithOwner().HasForeignKey("RunId");
                line.HasKey("RunId", nameof(AllocationLine.ApplicantId));
                line.Ignore(l => l.Candidate);
                line.Property(l => l.RuleSetVersion).HasMaxLength(80).IsUnicode(false);
                line.Property(l => l.ParentPermitStatus).HasMaxLength(20).IsUnicode(false);
                line.Property(l => l.Outcome).HasMaxLength(20).IsUnicode(false);
                line.Property(l => l.Reason).HasMaxLength(40).IsUnicode(false);
                line.Property(l => l.TieBreak).HasMaxLength(20).IsUnicode(false);
            });
            run.Navigation(r => r.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
    }
}
