using CableArchive.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CableArchive.Data.EntityConfigurations;

internal sealed class CableAliasConfiguration : IEntityTypeConfiguration<CableAlias>
{
    public void Configure(EntityTypeBuilder<CableAlias> builder)
    {
        builder.ToTable("cable_aliases");
        builder.HasKey(a => new { a.CableId, a.Alias });

        // A malformed id typed into the search box finds its cable through this index.
        builder.HasIndex(a => a.Alias);
    }
}
