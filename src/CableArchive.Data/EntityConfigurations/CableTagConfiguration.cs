using CableArchive.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CableArchive.Data.EntityConfigurations;

/// <remarks>
/// Tags are kept per version and written once, with the version's portions and under the same rule: no foreign key,
/// committed just before their version, deleted again if it does not commit (<see cref="CableParagraphConfiguration"/>).
/// Every reader reaches them through a version (the cable's current one), by the key.
/// </remarks>
internal sealed class CableTagConfiguration : IEntityTypeConfiguration<CableTag>
{
    public void Configure(EntityTypeBuilder<CableTag> builder)
    {
        builder.ToTable("cable_tags");
        builder.HasKey(t => new { t.VersionId, t.Position });
        builder.Property(t => t.Code).IsRequired();
        builder.Property(t => t.Kind).HasConversion<short>();
    }
}
