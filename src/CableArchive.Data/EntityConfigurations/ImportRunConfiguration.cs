using CableArchive.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CableArchive.Data.EntityConfigurations;

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.ToTable("import_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).UseIdentityByDefaultColumn();
        builder.Property(r => r.Kind).IsRequired();
        builder.Property(r => r.UserName).IsRequired();
        builder.Property(r => r.HostName).IsRequired();
        builder.Property(r => r.Status).HasConversion<short>();
        builder.ToTable(t => t.HasCheckConstraint("ck_import_runs_release_has_date", "(release_name IS NULL) = (released_at IS NULL)"));
    }
}
