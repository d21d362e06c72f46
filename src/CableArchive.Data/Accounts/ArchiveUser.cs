using CableArchive.Domain.Classification;
using Microsoft.AspNetCore.Identity;

namespace CableArchive.Data.Accounts;

/// <summary>
/// A person who signs in to the archive: an ASP.NET Core Identity user with a clearance (a level and a set of caveat
/// grants) that the read rule compares with every portion (docs/decisions/0001-classification-and-read-rule.md).
/// </summary>
/// <remarks>
/// The clearance is never copied into the sign-in cookie: every request reads it from this row, so that a change an
/// admin makes applies at the user's next request.
/// </remarks>
public sealed class ArchiveUser : IdentityUser<long>
{
    /// <summary>The highest level the user may read.</summary>
    public ClassificationLevel ClearanceLevel { get; set; }

    /// <summary>The restrictive caveats the user holds (NOFORN, ORCON, EXDIS…), canonical codes.</summary>
    public List<string> CaveatGrants { get; set; } = [];

    /// <summary>Whether the user may sign in at all; a deactivated user is treated as signed out everywhere.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Whether the password was handed out by someone else (one-time) and must be changed at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>When the account was created.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The user's clearance as the read rule takes it.</summary>
    public Clearance ToClearance() => AccountClearance.From(ClearanceLevel, CaveatGrants);
}

/// <summary>A role: <see cref="ArchiveRoles.Analyst"/>, <see cref="ArchiveRoles.Archivist"/> or <see cref="ArchiveRoles.Admin"/>.</summary>
public sealed class ArchiveRole : IdentityRole<long>
{
    /// <summary>Creates a role without a name (EF Core).</summary>
    public ArchiveRole()
    {
    }

    /// <summary>Creates a role with a name.</summary>
    public ArchiveRole(string name)
        : base(name)
    {
    }
}

/// <summary>The roles of the archive. Roles decide what a user may do; only the clearance decides what they may read.</summary>
public static class ArchiveRoles
{
    /// <summary>Reads and searches cables.</summary>
    public const string Analyst = "Analyst";

    /// <summary>Loads dumps and reviews quarantine.</summary>
    public const string Archivist = "Archivist";

    /// <summary>Administers users; reads only what their own clearance allows.</summary>
    public const string Admin = "Admin";

    /// <summary>Every role, in order of rising power.</summary>
    public static IReadOnlyList<string> All { get; } = [Analyst, Archivist, Admin];

    /// <summary>The role's canonical spelling, or null when <paramref name="name"/> names none.</summary>
    public static string? Canonical(string? name) => All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
