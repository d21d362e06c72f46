using CableArchive.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CableArchive.Data.EntityConfigurations;

/// <remarks>
/// No foreign key to <c>cables</c>: a reparse truncates that table, which a key would either block or cascade into the
/// notes (see <see cref="CableNote"/>). Notes join cables on the reference id.
/// </remarks>
internal sealed class CableNoteConfiguration : IEntityTypeConfiguration<CableNote>
{
    public void Configure(EntityTypeBuilder<CableNote> builder)
    {
        // The label the read rule applies is the mark the author chose, nothing derived.
        builder.ToTable("cable_notes", table =>
            table.HasCheckConstraint("ck_cable_notes_read_label_is_mark", "read_level = mark_level AND read_caveats = mark_caveats"));
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).UseIdentityByDefaultColumn();
        builder.HasIndex(n => n.CableReferenceId);
        builder.Property(n => n.AuthorName).IsRequired();
        builder.Property(n => n.CreatedAt).HasDefaultValueSql("now()");
        builder.Property(n => n.MarkLevel).HasConversion<short>();
        builder.Property(n => n.ReadLevel).HasConversion<short>();
        builder.Property(n => n.MarkCaveats).IsRequired();
        builder.Property(n => n.ReadCaveats).IsRequired();
        builder.Property(n => n.Text).IsRequired();
        builder.Ignore(n => n.Mark);

        // Notes are few and written one at a time: the vector is always generated, unlike the portions' (PortionColumns).
        builder.Property(n => n.SearchVector).HasComputedColumnSql("to_tsvector('english'::regconfig, text)", stored: true);
        builder.HasIndex(n => n.SearchVector).HasMethod("gin");
    }
}
