using CableArchive.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CableArchive.Data.EntityConfigurations;

/// <remarks>One row per version, for the reasons of <see cref="PendingVersionConfiguration"/>.</remarks>
internal sealed class PendingPhrasePairsConfiguration : IEntityTypeConfiguration<PendingPhrasePairs>
{
    public void Configure(EntityTypeBuilder<PendingPhrasePairs> builder)
    {
        builder.ToTable("pending_phrase_pairs");
        builder.HasKey(p => p.VersionId);
        builder.Property(p => p.VersionId).ValueGeneratedNever();
    }
}
