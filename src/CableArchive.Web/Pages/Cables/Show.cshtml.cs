using CableArchive.Data.Audit;
using CableArchive.Web.Accounts;
using CableArchive.Web.Reading;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CableArchive.Web.Pages.Cables;

/// <summary>
/// A cable page: banner top and bottom, the header panel, portions with their marks, withheld portions as uniform
/// placeholders, references, versions. A cable none of whose portions the reader may read, and an id that does not
/// exist, are both the withdrawal card (the first with its envelope), with the same status.
/// </summary>
public sealed class ShowModel(CurrentReader readers, CableReading reading) : PageModel
{
    /// <summary>The cable as the reader sees it.</summary>
    public CableView View { get; private set; } = null!;

    /// <summary>Shows the cable (<c>?version=N</c> for an older visible version).</summary>
    public async Task<IActionResult> OnGetAsync(string id, int? version, CancellationToken cancellationToken)
    {
        if (await readers.GetAsync(cancellationToken) is not { } reader)
            return Challenge();
        View = await reading.ReadAsync(reader, id, version, AuditActions.CableView, cancellationToken);
        return Page();
    }
}
