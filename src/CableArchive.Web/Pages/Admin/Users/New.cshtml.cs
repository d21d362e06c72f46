using CableArchive.Data.Accounts;
using CableArchive.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CableArchive.Web.Pages.Admin.Users;

/// <summary>
/// Creates a user with roles and a clearance. The one-time password (and the API token, when asked for) is shown on the
/// answer to the POST and nowhere else: it is not stored in clear, and the page is never cached.
/// </summary>
public sealed class NewModel(UserAdministration administration, CurrentReader readers) : PageModel
{
    /// <summary>The sign-in name.</summary>
    [BindProperty]
    public string UserName { get; set; } = "";

    /// <summary>Roles and clearance; a new user is an analyst with no clearance above UNCLASSIFIED unless set otherwise.</summary>
    [BindProperty]
    public AccountSettings Settings { get; set; } = new() { Roles = [ArchiveRoles.Analyst] };

    /// <summary>Whether to issue a bearer token too.</summary>
    [BindProperty]
    public bool WithApiToken { get; set; }

    /// <summary>The user just created, with its one-time secrets.</summary>
    public CreatedUser? Created { get; private set; }

    /// <summary>Why the user was not created.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Creates the user and shows its one-time password.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await readers.GetAsync() is not { } admin)
            return Challenge();
        if (string.IsNullOrWhiteSpace(UserName))
            Errors.Add("A user name is needed.");
        if (Settings.Roles.Count == 0)
            Errors.Add("Choose at least one role.");
        if (Errors.Count > 0)
            return Page();

        try
        {
            Created = await administration.CreateAsync(
                new NewUser(UserName.Trim(), Settings.Roles, Settings.Level, Settings.Grants, WithApiToken), AdminActor.Of(admin, HttpContext));
        }
        catch (InvalidOperationException e)
        {
            Errors.Add(e.Message);
        }

        return Page();
    }
}
