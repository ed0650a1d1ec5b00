using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Permit.Domain.Regions;

namespace Permit.Api.Persistence.Configurations;

/// <summary>The community directory: keyed by its 12-digit code (the converter comes from the model conventions).</summary>
public sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Communities");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(Community.NameMaxLength);
        builder.Ignore(c => c.TownshipCode);
        builder.Ignore(c => c.TownshipName);
        builder.Ignore(c => c.IsOffered);
        builder.HasIndex(c => c.Name);
        // Two admins renaming or retiring the same community: the second is told, not silently overwritten.
        builder.HasAggregateVersion();
    }
}
