using CableArchive.Data.Model;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CableArchive.Data.EntityConfigurations;

/// <summary>The columns every portion table shares: its mark, the label the read rule applies, and its full-text vector.</summary>
internal static class PortionColumns
{
    /// <summary>
    /// The vector is generated from the text, but only once the row is marked searchable: the import commits text first
    /// (at COPY speed) and computes vectors afterwards, in parallel, where <c>to_tsvector</c> is the bottleneck
    /// (docs/decisions/archive-two-phase-import.md).
    /// </summary>
    public const string SearchVectorSql = "CASE WHEN searchable THEN to_tsvector('english'::regconfig, text) END";

    /// <summary>
    /// The full-text indexes hold searchable rows only. A row the import commits without its vector would otherwise add
    /// index entries for its month, level and missing vector, which the indexing phase's update then adds again for the
    /// row's new version (docs/decisions/archive-partial-search-indexes.md). Every match (<c>search_vector @@ query</c>)
    /// implies the filter, since <c>@@</c> is strict, so queries use the index without saying so.
    /// </summary>
    public const string IndexedFilterSql = "search_vector IS NOT NULL";

    public static void Configure<T>(EntityTypeBuilder<T> builder) where T : class, IPortion
    {
        builder.Property(p => p.MarkStatus).HasConversion<short>();
        builder.Property(p => p.MarkLevel).HasConversion<short?>();
        builder.Property(p => p.ReadLevel).HasConversion<short>();
        builder.Property(p => p.MarkCaveats).IsRequired();
        builder.Property(p => p.ReadCaveats).IsRequired();
    }
}
