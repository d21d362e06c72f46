using CableArchive.Data.Accounts;
using CableArchive.Data.Audit;
using CableArchive.Web.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CableArchive.Web.Pages.Account;

/// <summary>Cookie sign-in with user name and password; failures are audited and lock the account after five tries.</summary>
public sealed class SignInModel(SignInManager<ArchiveUser> signIn, UserManager<ArchiveUser> users, AuditTrail audit) : PageModel
{
    /// <summary>Where to go after signing in (local paths only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The user name typed.</summary>
    [BindProperty]
    public string UserName { get; set; } = "";

    /// <summary>The password typed.</summary>
    [BindProperty]
    public string Password { get; set; } = "";

    /// <summary>Why the last attempt failed.</summary>
    public string? Error { get; private set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the password and signs in.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.FindByNameAsync(UserName);
        var result = user is { IsActive: true }
            ? await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true)
            : Microsoft.AspNetCore.Identity.SignInResult.Failed;
        await audit.RecordAsync(AuditActions.SignIn, result.Succeeded ? AuditOutcomes.Ok : AuditOutcomes.Denied, target: UserName);
        if (!result.Succeeded)
        {
            Error = result.IsLockedOut ? "Too many failed attempts; try again later." : "The user name or password is wrong.";
            return Page();
        }

        if (user!.MustChangePassword)
            return Redirect("/account/change-password");
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
