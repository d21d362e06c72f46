using CableArchive.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CableArchive.Data.EntityConfigurations;

/// <remarks>
/// One row per version rather than a flag on each portion row: the merge adds a key a version instead of maintaining a
/// partial index over every paragraph it copies, and the indexing phase walks a small table in version order.
/// </remarks>
internal sealed class PendingVersionConfiguration : IEntityTypeConfiguration<PendingVersion>
{
    public void Configure(EntityTypeBuilder<PendingVersion> builder)
    {
        builder.ToTable("pending_versions");
        builder.HasKey(p => p.VersionId);
        builder.Property(p => p.VersionId).ValueGeneratedNever();
    }
}
