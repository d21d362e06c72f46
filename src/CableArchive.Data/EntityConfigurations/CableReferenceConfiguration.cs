using CableArchive.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CableArchive.Data.EntityConfigurations;

internal sealed class CableReferenceConfiguration : IEntityTypeConfiguration<CableReference>
{
    public void Configure(EntityTypeBuilder<CableReference> builder)
    {
        builder.ToTable("cable_references");
        builder.HasKey(r => new { r.CableId, r.Position });
        builder.Property(r => r.Raw).IsRequired();
        builder.Property(r => r.Kind).HasConversion<short>();

        // "Cited by" reads this index; the import resolves waiting references through the partial one.
        builder.HasIndex(r => r.TargetCableId);
        builder.HasIndex(r => r.TargetReferenceId, "ix_cable_references_unresolved").HasFilter("target_cable_id IS NULL AND target_reference_id IS NOT NULL");
        builder.HasOne(r => r.TargetCable).WithMany().HasForeignKey(r => r.TargetCableId).OnDelete(DeleteBehavior.SetNull);
    }
}
