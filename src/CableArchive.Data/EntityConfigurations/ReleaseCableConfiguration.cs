using CableArchive.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CableArchive.Data.EntityConfigurations;

internal sealed class ReleaseCableConfiguration : IEntityTypeConfiguration<ReleaseCable>
{
    public void Configure(EntityTypeBuilder<ReleaseCable> builder)
    {
        builder.ToTable("release_cables");

        // Run first: a cable's history probes each release by (run, reference id), and a release's count is one range.
        builder.HasKey(m => new { m.RunId, m.ReferenceId });
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
