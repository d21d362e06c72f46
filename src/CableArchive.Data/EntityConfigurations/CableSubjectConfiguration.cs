using CableArchive.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CableArchive.Data.EntityConfigurations;

/// <remarks>No foreign-key constraints and no indexes but the key and the GIN index, as for paragraphs (see <see cref="CableParagraphConfiguration"/>).</remarks>
internal sealed class CableSubjectConfiguration : IEntityTypeConfiguration<CableSubject>
{
    public void Configure(EntityTypeBuilder<CableSubject> builder)
    {
        builder.ToTable("subjects");
        builder.HasKey(s => s.VersionId);
        builder.Property(s => s.VersionId).ValueGeneratedNever();
        builder.Property(s => s.Text).IsRequired();
        PortionColumns.Configure(builder);

        builder.Property(s => s.SearchVector).HasComputedColumnSql(PortionColumns.SearchVectorSql, stored: true);
        builder.HasIndex(s => new { s.SearchVector, s.CreatedMonth }).HasMethod("gin").HasFilter(PortionColumns.IndexedFilterSql);
    }
}
