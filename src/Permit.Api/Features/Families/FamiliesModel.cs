using Permit.Domain.Families;
using Permit.Domain.Residents;

namespace Permit.Api.Features.Families;

/// <summary>The table of family links between residents.</summary>
public static class FamiliesModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<FamilyLink>(link =>
        {
            link.HasAggregateVersion();
            link.ToTable("FamilyLinks");
            link.HasKey(l => l.Id);
            link.Property(l => l.Id).ValueGeneratedNever();
            link.Property(l => l.EvidenceReference).HasMaxLength(FamilyLink.MaxReferenceLength);
            link.Property(l => l.BirthCertificateNumber).HasMaxLength(10).IsUnicode(false);
            link.Property(l => l.RecordedBy).HasMaxLength(100);
            link.HasOne<Resident>().WithMany().HasForeignKey(l => l.ResidentId).OnDelete(DeleteBehavior.Restrict);
            link.HasOne<Resident>().WithMany().HasForeignKey(l => l.MemberId).OnDelete(DeleteBehavior.Restrict);
            link.HasIndex(l => l.ResidentId);
            link.HasIndex(l => l.MemberId);
        });
    }
}
