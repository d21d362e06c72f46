using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CableArchive.Data.Accounts;

// Identity's tables get plain names (users, roles…) instead of AspNet*; these run after IdentityDbContext's own model.

internal sealed class ArchiveUserConfiguration : IEntityTypeConfiguration<ArchiveUser>
{
    public void Configure(EntityTypeBuilder<ArchiveUser> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.ClearanceLevel).HasConversion<short>();
        builder.Property(u => u.CaveatGrants).IsRequired();
        builder.Property(u => u.IsActive).HasDefaultValue(true);
    }
}

internal sealed class ArchiveRoleConfiguration : IEntityTypeConfiguration<ArchiveRole>
{
    public void Configure(EntityTypeBuilder<ArchiveRole> builder) => builder.ToTable("roles");
}

internal sealed class UserRoleConfiguration : IEntityTypeConfiguration<IdentityUserRole<long>>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<long>> builder) => builder.ToTable("user_roles");
}

internal sealed class UserClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<long>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<long>> builder) => builder.ToTable("user_claims");
}

internal sealed class UserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<long>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<long>> builder) => builder.ToTable("user_logins");
}

internal sealed class UserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<long>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<long>> builder) => builder.ToTable("user_tokens");
}

internal sealed class RoleClaimConfiguration : IEntityTypeConfiguration<IdentityRoleClaim<long>>
{
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<long>> builder) => builder.ToTable("role_claims");
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("api_tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).UseIdentityByDefaultColumn();
        builder.Property(t => t.Name).IsRequired();

        // A bearer token is looked up by its hash on every API call.
        builder.HasIndex(t => t.TokenSha256).IsUnique();
        builder.HasOne<ArchiveUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
