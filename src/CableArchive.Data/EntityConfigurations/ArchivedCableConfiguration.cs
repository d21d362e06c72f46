using CableArchive.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CableArchive.Data.EntityConfigurations;

internal sealed class ArchivedCableConfiguration : IEntityTypeConfiguration<ArchivedCable>
{
    public void Configure(EntityTypeBuilder<ArchivedCable> builder)
    {
        builder.ToTable("cables");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).UseIdentityByDefaultColumn();
        builder.Property(c => c.ReferenceId).IsRequired();
        builder.HasIndex(c => c.ReferenceId).IsUnique();
        builder.Property(c => c.ClassificationLevel).HasConversion<short?>();

        // Browsing by date, origin and classification reads these columns of every cable. The date index carries the id
        // as well because search walks cables in its cap order (date, then id, ArchiveSearch): with the date alone, the
        // cables without a date (one group of equal keys, sorted first when newest first) were all read and sorted by id
        // before the first match could be returned.
        builder.HasIndex(c => new { c.CreatedAt, c.Id });
        builder.HasIndex(c => c.PostId);
        builder.HasIndex(c => c.ClassificationLevel);

        builder.HasOne(c => c.CurrentVersion).WithMany().HasForeignKey(c => c.CurrentVersionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Versions).WithOne(v => v.Cable).HasForeignKey(v => v.CableId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Post).WithMany().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Aliases).WithOne().HasForeignKey(a => a.CableId).OnDelete(DeleteBehavior.Cascade);
    }
}
