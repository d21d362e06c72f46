using CableArchive.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CableArchive.Data.EntityConfigurations;

internal sealed class QuarantinedRecordConfiguration : IEntityTypeConfiguration<QuarantinedRecord>
{
    public void Configure(EntityTypeBuilder<QuarantinedRecord> builder)
    {
        builder.ToTable("quarantined_records");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Id).UseIdentityByDefaultColumn();
        builder.Property(q => q.SourcePath).IsRequired();
        builder.Property(q => q.SourceFormat).HasConversion<short?>();
        builder.Property(q => q.Reason).IsRequired();
        builder.Property(q => q.Raw).IsRequired().UseCompressionMethod("lz4");

        // Importing the same bad record twice keeps it once.
        builder.HasIndex(q => q.RawSha256).IsUnique();
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(q => q.ImportRunId).OnDelete(DeleteBehavior.Restrict);
    }
}
