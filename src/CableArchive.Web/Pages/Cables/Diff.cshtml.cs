using CableArchive.Data.Audit;
using CableArchive.Data.Search;
using CableArchive.Web.Accounts;
using CableArchive.Web.Auditing;
using CableArchive.Web.Hosting;
using CableArchive.Web.Reading;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CableArchive.Web.Pages.Cables;

/// <summary>A word-level difference between two visible versions of a cable, over what the reader may read.</summary>
public sealed class DiffModel(CurrentReader readers, CableReading reading, WebArchive archive, AuditTrail audit) : PageModel
{
    /// <summary>The cable's id.</summary>
    public string ReferenceId { get; private set; } = "";

    /// <summary>The older version's number.</summary>
    public int From { get; private set; }

    /// <summary>The newer version's number.</summary>
    public int To { get; private set; }

    /// <summary>The difference; null when the versions are not available.</summary>
    public IHtmlContent? Html { get; private set; }

    /// <summary>Whether anything differs.</summary>
    public bool Changed { get; private set; }

    /// <summary>Compares <c>?from=</c> with <c>?to=</c>.</summary>
    public async Task<IActionResult> OnGetAsync(string id, int from, int to, CancellationToken cancellationToken)
    {
        if (await readers.GetAsync(cancellationToken) is not { } reader)
            return Challenge();
        var view = await reading.LoadAsync(reader, id, null, cancellationToken);
        (ReferenceId, From, To) = (view.RequestedId, from, to);
        var older = view.Versions.FirstOrDefault(v => v.Number == from);
        var newer = view.Versions.FirstOrDefault(v => v.Number == to);
        if (!view.Withdrawn && older is not null && newer is not null)
        {
            var before = await CableQueries.GetTextAsync(archive.DataSource, reader.Sql, older.VersionId, cancellationToken);
            var after = await CableQueries.GetTextAsync(archive.DataSource, reader.Sql, newer.VersionId, cancellationToken);
            (Html, Changed) = VersionDiff.Render(before.SeenText(), after.SeenText());
        }

        await audit.RecordAsync(AuditActions.CableDiff, Html is null ? AuditOutcomes.NotFound : AuditOutcomes.Ok, target: ReferenceId, query: $"{from}..{to}");
        return Page();
    }
}
