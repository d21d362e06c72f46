using CableArchive.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CableArchive.Data.EntityConfigurations;

/// <remarks>
/// Paragraphs (and subjects) carry no foreign-key constraints to their version and cable: a constraint costs a locked
/// lookup of the parent row for every row copied, measured at 40% of the time to COPY paragraphs, and the merge, their
/// only writer, commits a version's portions just before the version and deletes them again if the version does not
/// commit (docs/decisions/archive-two-phase-import.md). For the same cost per row copied they have only the indexes a
/// reader needs: the key (version, position), which is how every query reaches them, and the GIN index of the vector.
/// No query looks portions up by cable, and which versions wait for their vectors is kept per version
/// (<see cref="PendingVersionConfiguration"/>).
/// </remarks>
internal sealed class CableParagraphConfiguration : IEntityTypeConfiguration<CableParagraph>
{
    public void Configure(EntityTypeBuilder<CableParagraph> builder)
    {
        builder.ToTable("paragraphs");
        builder.HasKey(p => new { p.VersionId, p.Position });
        builder.Property(p => p.Text).IsRequired();
        PortionColumns.Configure(builder);

        builder.Property(p => p.SearchVector).HasComputedColumnSql(PortionColumns.SearchVectorSql, stored: true);

        // The full-text index holds the vector, the month and the read level, the last two as one-element arrays so that
        // a search's window of months and a reader's levels are each one overlap (&&) that the index answers in one pass
        // over the terms' posting lists. It holds searchable rows only (PortionColumns.IndexedFilterSql). The model cannot
        // describe an index of expressions: the migrations ReadLevelInSearchIndexes and PartialSearchIndexes make it.
    }
}
