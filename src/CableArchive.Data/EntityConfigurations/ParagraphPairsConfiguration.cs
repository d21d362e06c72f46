using CableArchive.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CableArchive.Data.EntityConfigurations;

/// <remarks>
/// A table of its own rather than a column of <c>paragraphs</c>: the pairs are written after the vectors, and a column
/// would make every paragraph row be written a third time. No foreign key, as for the paragraphs themselves
/// (<see cref="CableParagraphConfiguration"/>): the pairs phase is the only writer and reads the paragraph it writes for.
/// </remarks>
internal sealed class ParagraphPairsConfiguration : IEntityTypeConfiguration<ParagraphPairs>
{
    public void Configure(EntityTypeBuilder<ParagraphPairs> builder)
    {
        builder.ToTable("paragraph_pairs");
        builder.HasKey(p => new { p.VersionId, p.Position });
        builder.Property(p => p.Pairs).IsRequired();
        builder.Property(p => p.ReadLevel).HasConversion<short>();

        // Indexed as the paragraphs' vectors are (CableParagraphConfiguration): the migration ReadLevelInSearchIndexes
        // makes the index of the pairs, the month and the level.
    }
}
