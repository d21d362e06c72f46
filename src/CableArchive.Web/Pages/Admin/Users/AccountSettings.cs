using CableArchive.Domain.Classification;
using CableArchive.Web.Accounts;

namespace CableArchive.Web.Pages.Admin.Users;

/// <summary>The roles and clearance an admin sets on an account, as the new-user and edit forms post them.</summary>
public sealed class AccountSettings
{
    /// <summary>The roles (<see cref="CableArchive.Data.Accounts.ArchiveRoles"/>).</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>The clearance level.</summary>
    public ClassificationLevel Level { get; set; }

    /// <summary>The caveat grants (<see cref="CableArchive.Data.Accounts.AccountClearance.Grantable"/>).</summary>
    public List<string> Grants { get; set; } = [];

    /// <summary>The settings an account has now.</summary>
    public static AccountSettings Of(UserSummary account) => new()
    {
        Roles = account.Roles.ToList(),
        Level = account.Clearance.Level,
        Grants = account.Clearance.Grants.Select(g => g.Code).ToList(),
    };
}
