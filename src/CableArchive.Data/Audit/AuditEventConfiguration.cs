using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CableArchive.Data.Audit;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityByDefaultColumn();
        builder.Property(e => e.At).HasDefaultValueSql("now()");
        builder.Property(e => e.Action).IsRequired();
        builder.Property(e => e.Outcome).IsRequired();
        builder.Property(e => e.LabelCaveats).IsRequired();
        builder.Property(e => e.Detail).HasColumnType("jsonb");

        // The audit viewer filters by user, cable and time.
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.UserId, e.At });
        builder.HasIndex(e => e.Target);
    }
}
