using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Permit.Domain.Applications;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.Api.Persistence.Configurations;

public sealed class PermitApplicationConfiguration : IEntityTypeConfiguration<PermitApplication>
{
    public void Configure(EntityTypeBuilder<PermitApplication> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("PermitApplications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasAggregateVersion();
        builder.Ignore(a => a.RequiredDocuments);
        builder.Ignore(a => a.MissingDocuments);

        builder.Property(a => a.DecidedBy).HasMaxLength(64);
        builder.Property(a => a.RejectionReason).HasMaxLength(500);

        builder.HasOne<Resident>().WithMany().HasForeignKey(a => a.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ResidenceRegistration>().WithMany().HasForeignKey(a => a.RegistrationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ResidentId);
        builder.HasIndex(a => new { a.Status, a.DueDate });

        builder.OwnsMany(a => a.Documents, document =>
        {
            document.ToTable("SubmittedDocuments");
            document.WithOwner().HasForeignKey("ApplicationId");
            document.HasKey(d => d.Id);
            document.Property(d => d.Id).ValueGeneratedNever();
            document.Property(d => d.Reference).HasMaxLength(200);
        });
        builder.Navigation(a => a.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
