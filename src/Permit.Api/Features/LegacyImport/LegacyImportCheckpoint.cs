using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Permit.Api.Features.LegacyImport;

/// <summary>
/// How far the import of one legacy file has come: written in the same transaction as each batch of its rows, so a run
/// that crashed resumes after the last batch that landed. The file is named by the SHA-256 of its bytes: the same file
/// under another name resumes, a changed file starts again (its rows are still matched by natural keys).
/// </summary>
public sealed class LegacyImportCheckpoint
{
    public const int KeyLength = 64;

    public required string FileSha256 { get; init; }

    public required string Kind { get; init; }

    /// <summary>The last file row (header = 1) whose batch landed.</summary>
    public int LastRow { get; set; }

    public int Written { get; set; }

    public int Unchanged { get; set; }

    public int Rejected { get; set; }

    public bool Finished { get; set; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class LegacyImportCheckpointConfiguration : IEntityTypeConfiguration<LegacyImportCheckpoint>
{
    public void Configure(EntityTypeBuilder<LegacyImportCheckpoint> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("LegacyImportCheckpoints");
        builder.HasKey(c => c.FileSha256);
        builder.Property(c => c.FileSha256).HasMaxLength(LegacyImportCheckpoint.KeyLength).IsUnicode(false);
        builder.Property(c => c.Kind).HasMaxLength(32).IsUnicode(false);
    }
}
