using System.Globalization;
using CableArchive.Web.Accounts;

namespace CableArchive.Web.Pages.Admin.Users;

/// <summary>How the users pages word an account's status and times.</summary>
public static class UserStatus
{
    /// <summary>"active", "deactivated", with "one-time password" and "locked out" when they apply.</summary>
    public static string Describe(UserSummary account)
    {
        var parts = new List<string> { account.Active ? "active" : "deactivated" };
        if (account.MustChangePassword)
            parts.Add("one-time password");
        if (account.LockedOut)
            parts.Add("locked out");
        return string.Join(", ", parts);
    }

    /// <summary>A UTC time to the minute, or a dash.</summary>
    public static string Time(DateTime? utc) => utc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";
}
