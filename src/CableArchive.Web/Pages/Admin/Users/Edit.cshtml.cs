using CableArchive.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CableArchive.Web.Pages.Admin.Users;

/// <summary>
/// One account: change its roles and clearance, deactivate or reactivate it, reset its password, end its sessions, issue an
/// API token.
/// Each change is made and audited by <see cref="UserAdministration"/>; the answer shows the account as it is afterwards
/// (not a redirect, so that a new one-time password or token is shown once and kept nowhere).
/// </summary>
public sealed class EditModel(UserAdministration administration, CurrentReader readers) : PageModel
{
    /// <summary>The account as it is now.</summary>
    public UserSummary Account { get; private set; } = null!;

    /// <summary>The roles and clearance, as posted or as they are.</summary>
    [BindProperty]
    public AccountSettings Settings { get; set; } = new();

    /// <summary>What was just done.</summary>
    public string? Done { get; private set; }

    /// <summary>Why a change was refused.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>A one-time password just issued.</summary>
    public string? NewPassword { get; private set; }

    /// <summary>An API token just issued.</summary>
    public string? NewToken { get; private set; }

    /// <summary>Shows the account.</summary>
    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>Sets the roles and clearance posted.</summary>
    public Task<IActionResult> OnPostSaveAsync(long id) => ChangeAsync(
        id, actor => administration.ChangeAsync(id, Settings.Roles, Settings.Level, Settings.Grants, actor),
        "Roles and clearance saved; they apply at the user's next request.");

    /// <summary>Deactivates the account.</summary>
    public Task<IActionResult> OnPostDeactivateAsync(long id) => ChangeAsync(
        id, actor => administration.SetActiveAsync(id, active: false, actor), "Deactivated: the user is signed out at their next request.");

    /// <summary>Reactivates the account.</summary>
    public Task<IActionResult> OnPostReactivateAsync(long id) => ChangeAsync(
        id, actor => administration.SetActiveAsync(id, active: true, actor), "Reactivated: the user may sign in again.");

    /// <summary>Issues a new one-time password.</summary>
    public Task<IActionResult> OnPostResetPasswordAsync(long id) => ChangeAsync(
        id, async actor => NewPassword = await administration.ResetPasswordAsync(id, actor), "Password reset; the user's sessions are ended.");

    /// <summary>Ends every session of the account and revokes its API tokens.</summary>
    public Task<IActionResult> OnPostSignOutAsync(long id) => ChangeAsync(
        id, actor => administration.SignOutEverywhereAsync(id, actor), "Signed out everywhere: every session ends at its next request, and every API token is revoked.");

    /// <summary>Issues a new API token.</summary>
    public Task<IActionResult> OnPostIssueTokenAsync(long id) => ChangeAsync(
        id, async actor => NewToken = await administration.IssueNewTokenAsync(id, actor), "API token issued.");

    private async Task<IActionResult> ChangeAsync(long id, Func<AdminActor, Task> change, string done)
    {
        if (await readers.GetAsync() is not { } admin)
            return Challenge();
        if (await administration.GetAsync(id) is null)
            return NotFound();
        try
        {
            await change(AdminActor.Of(admin, HttpContext));
            Done = done;
        }
        catch (InvalidOperationException e)
        {
            Errors.Add(e.Message);
        }

        await LoadAsync(id);
        return Page();
    }

    private async Task<bool> LoadAsync(long id)
    {
        if (await administration.GetAsync(id) is not { } account)
            return false;
        Account = account;
        Settings = AccountSettings.Of(account);
        return true;
    }
}
