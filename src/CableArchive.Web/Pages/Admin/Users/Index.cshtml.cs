using CableArchive.Web.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CableArchive.Web.Pages.Admin.Users;

/// <summary>Every account with its roles, clearance, status and last sign-in (admins only, like all of <c>/admin</c>).</summary>
public sealed class IndexModel(UserAdministration administration) : PageModel
{
    /// <summary>The accounts, by name.</summary>
    public IReadOnlyList<UserSummary> Accounts { get; private set; } = [];

    /// <summary>Lists the accounts.</summary>
    public async Task OnGetAsync() => Accounts = await administration.ListAsync();
}
