using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Permit.Api.Security.Fields;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.Api.Persistence.Configurations;

public sealed class ResidenceRegistrationConfiguration : IEntityTypeConfiguration<ResidenceRegistration>
{
    public void Configure(EntityTypeBuilder<ResidenceRegistration> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ResidenceRegistrations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasAggregateVersion();
        builder.Ignore(r => r.IsActive);
        builder.Ignore(r => r.WasReportedLate);

        builder.Property(r => r.Address).HasMaxLength(EncryptedAddressConverter.StoredMaxLength);
        builder.Property(r => r.Evidence).HasMaxLength(200);
        builder.Property(r => r.EmployerOrLandlord).HasMaxLength(200);

        builder.HasOne<Resident>().WithMany().HasForeignKey(r => r.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ResidentId);
        builder.HasIndex(r => r.CommunityCode);

        // Declared changes belong to the registration: owned, loaded and saved with it.
        builder.OwnsMany(r => r.Changes, change =>
        {
            change.ToTable("RegistrationChanges");
            change.WithOwner().HasForeignKey("RegistrationId");
            change.HasKey(c => c.Id);
            change.Property(c => c.Id).ValueGeneratedNever();
            change.Property(c => c.NewValue).HasMaxLength(EncryptedAddressConverter.StoredMaxLength);
            change.Property(c => c.NewCommunityCode).HasMaxLength(12).IsUnicode(false);
        });
        builder.Navigation(r => r.Changes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
