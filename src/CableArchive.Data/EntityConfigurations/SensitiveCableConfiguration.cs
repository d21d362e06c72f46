using CableArchive.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CableArchive.Data.EntityConfigurations;

internal sealed class SensitiveCableConfiguration : IEntityTypeConfiguration<SensitiveCable>
{
    public void Configure(EntityTypeBuilder<SensitiveCable> builder)
    {
        builder.ToTable("sensitive_cables");
        builder.HasKey(s => s.ReferenceId);
    }
}
