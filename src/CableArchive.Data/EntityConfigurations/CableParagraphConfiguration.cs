using CableArchive.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CableArchive.Data.EntityConfigurations;

/// <remarks>
/// Paragraphs (and subjects) carry no foreign-key constraints to their version and cable: a constraint costs a locked
/// lookup of the parent row for every row copied, measured at 40% of the time to COPY paragraphs, and the merge, their
/// only writer, writes a version and its portions in one transaction (docs/decisions/archive-two-phase-import.md).
/// </remarks>
internal sealed class CableParagraphConfiguration : IEntityTypeConfiguration<CableParagraph>
{
    public void Configure(EntityTypeBuilder<CableParagraph> builder)
    {
        builder.ToTable("paragraphs");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).UseIdentityByDefaultColumn();
        builder.HasIndex(p => new { p.VersionId, p.Position }).IsUnique();
        builder.HasIndex(p => p.CableId);
        builder.Property(p => p.Text).IsRequired();
        PortionColumns.Configure(builder);

        builder.Property(p => p.SearchVector).HasComputedColumnSql(PortionColumns.SearchVectorSql, stored: true);
        builder.HasIndex(p => p.SearchVector).HasMethod("gin");

        // The indexing phase finds the rows whose vector is still to compute through this small partial index.
        builder.HasIndex(p => p.Id, "ix_paragraphs_pending").HasFilter("NOT searchable");
    }
}
