using System.Text.Json;
using CableArchive.Data;
using CableArchive.Data.Audit;
using CableArchive.Data.Model;
using CableArchive.Data.Search;
using CableArchive.Domain.Classification;
using CableArchive.Web.Accounts;
using CableArchive.Web.Auditing;
using CableArchive.Web.Hosting;
using CableArchive.Web.Reading;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CableArchive.Web.Pages.Cables;

/// <summary>
/// A cable page: banner top and bottom, the header panel, portions with their marks, withheld portions as uniform
/// placeholders, references, versions, and the analysts' notes the reader may read. A cable none of whose portions the
/// reader may read, and an id that does not exist, are both the withdrawal card (the first with its envelope), with
/// the same status.
/// </summary>
public sealed class ShowModel(
    CurrentReader readers, CableReading reading, WebArchive archive, ArchiveDbContext context, AuditTrail audit, ILogger<ShowModel> logger) : PageModel
{
    /// <summary>The longest note accepted, in characters.</summary>
    public const int MaxNoteLength = 20_000;

    private static readonly JsonSerializerOptions DetailJson = new(JsonSerializerDefaults.Web);

    /// <summary>The cable as the reader sees it.</summary>
    public CableView View { get; private set; } = null!;

    /// <summary>The notes on the cable the reader may read, oldest first; withheld ones are not there at all.</summary>
    public IReadOnlyList<CableNote> Notes { get; private set; } = [];

    /// <summary>The levels the reader may mark a note with: theirs and those below.</summary>
    public IReadOnlyList<ClassificationLevel> MarkLevels { get; private set; } = [];

    /// <summary>The caveats the reader may add to a note's mark: those they hold.</summary>
    public IReadOnlyList<string> MarkCaveats { get; private set; } = [];

    /// <summary>The note being written (posted form).</summary>
    [BindProperty]
    public NoteInput Note { get; set; } = new();

    /// <summary>Why the posted note was refused; null when it was not.</summary>
    public string? NoteError { get; private set; }

    /// <summary>Shows the cable (<c>?version=N</c> for an older visible version).</summary>
    public async Task<IActionResult> OnGetAsync(string id, int? version, CancellationToken cancellationToken)
    {
        if (await readers.GetAsync(cancellationToken) is not { } reader)
            return Challenge();
        View = await reading.ReadAsync(reader, id, version, AuditActions.CableView, cancellationToken);
        await LoadNotesAsync(reader, cancellationToken);
        return Page();
    }

    /// <summary>
    /// Adds a note to a cable the reader can read, with a mark their clearance dominates (no write-up beyond their
    /// clearance); audited, refusals included.
    /// </summary>
    public async Task<IActionResult> OnPostNoteAsync(string id, CancellationToken cancellationToken)
    {
        if (await readers.GetAsync(cancellationToken) is not { } author)
            return Challenge();
        View = await reading.LoadAsync(author, id, null, cancellationToken);
        if (View.Withdrawn)
        {
            await audit.RecordAsync(AuditActions.NoteCreate, View.Envelope is null ? AuditOutcomes.NotFound : AuditOutcomes.Withheld, target: View.RequestedId);
            return NotFound();
        }

        var referenceId = View.Envelope!.ReferenceId;
        var text = (Note.Text ?? "").Replace('\0', '\uFFFD').Trim();
        var mark = ChosenMark(author);
        if (mark is null)
        {
            NoteError = "A note cannot be marked above your clearance.";
            await audit.RecordAsync(AuditActions.NoteCreate, AuditOutcomes.Denied, target: referenceId);
        }
        else if (text.Length == 0 || text.Length > MaxNoteLength)
        {
            NoteError = $"A note needs some text, at most {MaxNoteLength:N0} characters.";
        }

        if (NoteError is not null)
        {
            await LoadNotesAsync(author, cancellationToken);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var codes = mark!.Caveats.Select(c => c.Code).ToList();
        var note = new CableNote
        {
            CableReferenceId = referenceId,
            AuthorId = author.UserId,
            AuthorName = author.UserName,
            MarkLevel = mark.Level,
            MarkCaveats = codes,
            ReadLevel = mark.Level,
            ReadCaveats = codes,
            Text = text,
        };
        context.CableNotes.Add(note);
        await context.SaveChangesAsync(cancellationToken);

        var detail = JsonSerializer.Serialize(new { note = note.Id, mark = mark.ToString() }, DetailJson);
        await audit.RecordAsync(AuditActions.NoteCreate, AuditOutcomes.Ok, target: referenceId, detail: detail);
        logger.LogInformation("Note {NoteId} on cable {CableId} marked {Mark} by {UserName}", note.Id, referenceId, mark.ToString(), author.UserName);
        return Redirect($"/cables/{Uri.EscapeDataString(referenceId)}#notes");
    }

    /// <summary>
    /// The mark chosen in the form, or null when the author's clearance does not dominate it: a level above theirs, a
    /// caveat they do not hold, or something that is not a level at all.
    /// </summary>
    private ClassificationLabel? ChosenMark(Reader author)
    {
        if (!Enum.TryParse<ClassificationLevel>(Note.Level, ignoreCase: true, out var level) || !Enum.IsDefined(level)
            || Note.Caveats.Any(code => !author.Sql.Grants.Contains(code, StringComparer.Ordinal)))
        {
            return null;
        }

        var mark = new ClassificationLabel(level, Note.Caveats.Distinct(StringComparer.Ordinal).Select(Caveat.FromCode));
        return author.Clearance.Dominates(mark) ? mark : null;
    }

    private async Task LoadNotesAsync(Reader reader, CancellationToken cancellationToken)
    {
        if (View.Envelope is not { } envelope)
            return;
        Notes = await CableQueries.GetReadableNotesAsync(archive.DataSource, reader.Sql, envelope.ReferenceId, cancellationToken);
        MarkLevels = ClassificationLevels.All.Where(l => l <= reader.Clearance.Level).ToList();
        MarkCaveats = reader.Sql.Grants;
    }
}

/// <summary>The note form: Markdown text and the chosen mark.</summary>
public sealed class NoteInput
{
    /// <summary>The note, in Markdown.</summary>
    public string? Text { get; set; }

    /// <summary>The chosen level's name (<see cref="ClassificationLevel"/>), e.g. <c>Secret</c>.</summary>
    public string? Level { get; set; }

    /// <summary>The chosen caveat codes.</summary>
    public List<string> Caveats { get; set; } = [];
}
