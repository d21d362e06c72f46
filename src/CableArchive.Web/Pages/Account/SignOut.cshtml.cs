using CableArchive.Data.Accounts;
using CableArchive.Data.Audit;
using CableArchive.Web.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CableArchive.Web.Pages.Account;

/// <summary>Signs out (POST only, with an antiforgery token, so that no link or image can sign a reader out).</summary>
public sealed class SignOutModel(SignInManager<ArchiveUser> signIn, AuditTrail audit) : PageModel
{
    /// <summary>Shows a button.</summary>
    public void OnGet()
    {
    }

    /// <summary>Signs out and goes to the sign-in page.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await audit.RecordAsync(AuditActions.SignOut, AuditOutcomes.Ok);
        await signIn.SignOutAsync();
        return Redirect("/account/sign-in");
    }
}
