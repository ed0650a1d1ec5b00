using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Permit.Domain.Applications;
using Permit.Domain.Permits;
using Permit.Domain.Residents;

namespace Permit.Api.Persistence.Configurations;

public sealed class ResidencePermitConfiguration : IEntityTypeConfiguration<ResidencePermit>
{
    public void Configure(EntityTypeBuilder<ResidencePermit> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ResidencePermits");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasAggregateVersion();
        builder.Ignore(p => p.CurrentCard);
        builder.Ignore(p => p.HasEnded);
        builder.Ignore(p => p.EndorsementWindow);

        builder.Property(p => p.IssuingAuthority).HasMaxLength(90);
        builder.Property(p => p.EndNote).HasMaxLength(500);

        builder.HasOne<Resident>().WithMany().HasForeignKey(p => p.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PermitApplication>().WithMany().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.ResidentId);
        builder.HasIndex(p => p.ApplicationId);
        builder.HasIndex(p => new { p.Status, p.ValidUntil });
        builder.HasIndex(p => p.Number).IsUnique().HasDatabaseName(UniqueRules.PermitNumber.IndexName);
        builder.HasLivePermitHolder();

        builder.OwnsMany(p => p.Cards, card =>
        {
            card.ToTable("PermitCards");
            card.WithOwner().HasForeignKey("PermitId");
            card.HasKey(c => c.Id);
            card.Property(c => c.Id).ValueGeneratedNever();
            card.Ignore(c => c.IsChargeable);
            card.HasIndex("PermitId", nameof(PermitCard.Sequence)).IsUnique().HasDatabaseName(UniqueRules.CardSequence.IndexName);
            card.HasIndex(c => c.Serial);
        });
        builder.Navigation(p => p.Cards).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(p => p.Endorsements, endorsement =>
        {
            endorsement.ToTable("Endorsements");
            endorsement.WithOwner().HasForeignKey("PermitId");
            endorsement.HasKey(e => e.Id);
            endorsement.Property(e => e.Id).ValueGeneratedNever();
            endorsement.HasIndex("PermitId", nameof(Endorsement.Sequence)).IsUnique();
        });
        builder.Navigation(p => p.Endorsements).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
