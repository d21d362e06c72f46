using CableArchive.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CableArchive.Data.EntityConfigurations;

internal sealed class CableTagConfiguration : IEntityTypeConfiguration<CableTag>
{
    public void Configure(EntityTypeBuilder<CableTag> builder)
    {
        builder.ToTable("cable_tags");
        builder.HasKey(t => new { t.CableId, t.Position });
        builder.Property(t => t.Code).IsRequired();
        builder.Property(t => t.Kind).HasConversion<short>();

        // Browse by tag and the tag filter of search.
        builder.HasIndex(t => new { t.Code, t.CableId });
    }
}
