namespace Permit.Api.Features.Photos;

/// <summary>The photos table, applied by the context like <c>PermitsModel</c>.</summary>
public static class PhotosModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<ResidentPhoto>(photo =>
        {
            photo.ToTable("ResidentPhotos");
            photo.HasKey(p => p.Id);
            photo.Property(p => p.Id).ValueGeneratedNever();
            photo.Property(p => p.Source).HasConversion<string>().HasMaxLength(10).IsUnicode(false);
            photo.Property(p => p.TakenBy).HasMaxLength(ResidentPhoto.TakenByMaxLength);
            photo.Property(p => p.Sealed).IsRequired();
            photo.Ignore(p => p.Purpose);
            photo.HasOne<Domain.Residents.Resident>().WithMany().HasForeignKey(p => p.ResidentId).OnDelete(DeleteBehavior.Cascade);
            photo.HasIndex(p => new { p.ResidentId, p.Source, p.Version }).IsUnique().HasDatabaseName("UX_ResidentPhotos_Resident_Source_Version");
        });
    }
}
