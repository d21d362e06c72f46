using CableArchive.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CableArchive.Data.EntityConfigurations;

internal sealed class QuarantinedRecordConfiguration : IEntityTypeConfiguration<QuarantinedRecord>
{
    public void Configure(EntityTypeBuilder<QuarantinedRecord> builder)
    {
        // Nothing leaves quarantine without a trace: a reviewed record names who and when, a discarded one why, an imported one its cable.
        builder.ToTable("quarantined_records", table =>
        {
            table.HasCheckConstraint("ck_quarantined_records_reviewed", "status = 0 OR (reviewed_by IS NOT NULL AND reviewed_at IS NOT NULL)");
            table.HasCheckConstraint("ck_quarantined_records_discard_reason", "status <> 2 OR btrim(coalesce(review_note, '')) <> ''");
            table.HasCheckConstraint("ck_quarantined_records_imported_cable", "status <> 1 OR cable_reference_id IS NOT NULL");
        });
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Id).UseIdentityByDefaultColumn();
        builder.Property(q => q.SourcePath).IsRequired();
        builder.Property(q => q.SourceFormat).HasConversion<short?>();
        builder.Property(q => q.Reason).IsRequired();
        builder.Property(q => q.Raw).IsRequired().UseCompressionMethod("lz4");

        // The bulk import inserts rows without naming the column: they start open.
        builder.Property(q => q.Status).HasConversion<short>().HasDefaultValue(QuarantineStatus.Open).HasSentinel((QuarantineStatus)(-1));

        // Importing the same bad record twice keeps it once.
        builder.HasIndex(q => q.RawSha256).IsUnique();

        // The review list pages through one status in id order.
        builder.HasIndex(q => new { q.Status, q.Id });
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(q => q.ImportRunId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(q => q.ReviewRunId).OnDelete(DeleteBehavior.Restrict);
    }
}
