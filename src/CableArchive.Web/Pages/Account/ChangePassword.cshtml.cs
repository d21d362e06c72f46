using CableArchive.Data.Accounts;
using CableArchive.Data.Audit;
using CableArchive.Web.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CableArchive.Web.Pages.Account;

/// <summary>Changes the signed-in user's password; required after a one-time password.</summary>
public sealed class ChangePasswordModel(UserManager<ArchiveUser> users, SignInManager<ArchiveUser> signIn, AuditTrail audit) : PageModel
{
    /// <summary>The current password.</summary>
    [BindProperty]
    public string Current { get; set; } = "";

    /// <summary>The new password.</summary>
    [BindProperty]
    public string New { get; set; } = "";

    /// <summary>Why the change was refused.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Changes the password and clears the one-time flag.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        var result = await users.ChangePasswordAsync(user, Current, New);
        if (result.Succeeded)
        {
            user.MustChangePassword = false;
            result = await users.UpdateAsync(user);
        }

        await audit.RecordAsync(AuditActions.PasswordChange, result.Succeeded ? AuditOutcomes.Ok : AuditOutcomes.Invalid, target: user.UserName);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Description));
            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        return Redirect("/");
    }
}
