using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Permit.Api.Security.Fields;
using Permit.Domain.Residents;

namespace Permit.Api.Persistence.Configurations;

public sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Residents");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasAggregateVersion();

        // Lengths follow the card's byte limits (a UTF-8 byte limit never admits more characters than bytes).
        builder.Property(r => r.Name).HasMaxLength(60);
        // Stored encrypted (EncryptedAddressConverter): the column holds the sealed form of a 210-byte address.
        builder.Property(r => r.HukouAddress).HasMaxLength(EncryptedAddressConverter.StoredMaxLength);
        builder.Property(r => r.PhotoReference).HasMaxLength(200);
        builder.Property(r => r.Contact).HasMaxLength(40);
        // Officers' searches and every jurisdiction filter match a prefix of this code (docs/jurisdictions.md).
        builder.Property(r => r.AreaCode).HasMaxLength(12).IsUnicode(false);
        builder.HasIndex(r => r.AreaCode);

        // The number is stored encrypted with a random nonce: uniqueness and lookups use its keyed blind index.
        builder.HasCitizenIdBlindIndex(r => r.CitizenId, UniqueRules.ResidentIdNumber.IndexName);
    }
}
