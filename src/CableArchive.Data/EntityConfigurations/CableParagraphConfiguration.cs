using CableArchive.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CableArchive.Data.EntityConfigurations;

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

        builder.HasOne<ArchivedCable>().WithMany().HasForeignKey(p => p.CableId).OnDelete(DeleteBehavior.Cascade);
    }
}
