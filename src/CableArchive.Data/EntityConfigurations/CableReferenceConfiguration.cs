using CableArchive.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CableArchive.Data.EntityConfigurations;

/// <remarks>Kept per version, written once, like tags (<see cref="CableTagConfiguration"/>).</remarks>
internal sealed class CableReferenceConfiguration : IEntityTypeConfiguration<CableReference>
{
    public void Configure(EntityTypeBuilder<CableReference> builder)
    {
        builder.ToTable("cable_references");
        builder.HasKey(r => new { r.VersionId, r.Position });
        builder.Property(r => r.Raw).IsRequired();
        builder.Property(r => r.Kind).HasConversion<short>();

        // "Cited by": the versions citing an id.
        builder.HasIndex(r => r.TargetReferenceId);
    }
}
