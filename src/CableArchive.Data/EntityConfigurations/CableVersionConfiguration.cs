using CableArchive.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CableArchive.Data.EntityConfigurations;

internal sealed class CableVersionConfiguration : IEntityTypeConfiguration<CableVersion>
{
    public void Configure(EntityTypeBuilder<CableVersion> builder)
    {
        builder.ToTable("cable_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).UseIdentityByDefaultColumn();

        // A version is its text: the same text read twice, from any container, is one version of its cable.
        builder.HasIndex(v => new { v.CableId, v.TextSha256 }).IsUnique();
        builder.Property(v => v.TextSha256).IsRequired();

        // Whole cable texts are kilobytes each; lz4 compresses them several times faster than PostgreSQL's default pglz.
        builder.Property(v => v.Text).IsRequired().UseCompressionMethod("lz4");
        builder.Property(v => v.RawRecord).UseCompressionMethod("lz4");

        // A compressed text stays in the row up to a page, instead of going to the TOAST table beyond 2 KB: one row and
        // no TOAST index entry a version. Measured in pairs of bench import runs (docs/scaling.md, session 13): the time
        // from the start of an import to searchable fell in all three pairs (2.48x to 2.23x the floor at 100,000
        // cables); the durable rate moved by less than the spread between runs.
        builder.HasStorageParameter("toast_tuple_target", 8160);

        builder.Property(v => v.SourcePath).IsRequired();
        builder.Property(v => v.SourceFormat).HasConversion<short>();
        builder.Property(v => v.Diagnostics).HasColumnType("jsonb").IsRequired();

        builder.HasOne<ImportRun>().WithMany().HasForeignKey(v => v.ImportRunId).OnDelete(DeleteBehavior.Restrict);
    }
}
