using Permit.Api.Features.Permits.Idempotency;
using Permit.Domain.Permits;

namespace Permit.Api.Features.Permits;

/// <summary>
/// Tables of the permit features: number counters, idempotent answers and card personalizations. Applied explicitly
/// by the context (<c>PermitsModel.Configure(modelBuilder)</c>) so they join the model together with their migration.
/// </summary>
public static class PermitsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<PermitNumberCounter>(counter =>
        {
            counter.ToTable("PermitNumberCounters");
            counter.HasKey(c => new { c.Region, c.Year });
            counter.Property(c => c.Region).HasMaxLength(6).IsUnicode(false);
        });

        modelBuilder.Entity<IdempotentRequest>(request =>
        {
            request.ToTable("IdempotentRequests");
            request.HasKey(r => new { r.Scope, r.Key });
            request.Property(r => r.Scope).HasMaxLength(40).IsUnicode(false);
            request.Property(r => r.Key).HasMaxLength(IdempotentRequest.MaxKeyLength);
            request.Property(r => r.RequestHash).HasMaxLength(64).IsUnicode(false);
            request.Property(r => r.CallerId).HasMaxLength(IdempotentRequest.MaxCallerLength).HasDefaultValue(string.Empty);
            request.HasIndex(r => r.CreatedAt);
        });

        modelBuilder.Entity<CardPersonalization>(personalization =>
        {
            personalization.ToTable("CardPersonalizations");
            personalization.HasKey(p => p.Id);
            personalization.Property(p => p.Id).ValueGeneratedNever();
            personalization.HasOne<ResidencePermit>().WithMany().HasForeignKey(p => p.PermitId).OnDelete(DeleteBehavior.Restrict);
            // One chip per attempt: two officers binding different chips to one card at once cannot both succeed.
            personalization.HasIndex(p => new { p.PermitId, p.CardSequence, p.Attempt }).IsUnique()
                .HasDatabaseName("UX_CardPersonalizations_PermitId_CardSequence_Attempt");
            personalization.HasIndex(p => p.ChipKeyFileHash).HasDatabaseName("IX_CardPersonalizations_ChipKeyFileHash");
            personalization.Property(p => p.ChipKey).HasMaxLength(Domain.Credentials.Card.ChipKeyFile.EncodedLength);
            personalization.Property(p => p.AbandonReason).HasMaxLength(CardPersonalization.AbandonReasonMaxLength);
            personalization.Property(p => p.KeyId).HasMaxLength(16).IsUnicode(false);
            foreach (var hash in new[] { nameof(CardPersonalization.PermitFileHash), nameof(CardPersonalization.PhotoFileHash),
                         nameof(CardPersonalization.ChipKeyFileHash), nameof(CardPersonalization.SignatureFileHash) })
                personalization.Property(hash).HasMaxLength(64).IsUnicode(false);
        });
    }
}
