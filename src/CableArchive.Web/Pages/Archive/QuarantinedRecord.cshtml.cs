using System.Text;
using CableArchive.Data;
using CableArchive.Data.Accounts;
using CableArchive.Data.Audit;
using CableArchive.Data.Import;
using CableArchive.Data.Model;
using CableArchive.Domain.Classification;
using CableArchive.Web.Accounts;
using CableArchive.Web.Auditing;
using CableArchive.Web.Importing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CableArchive.Web.Pages.Archive;

/// <summary>
/// One quarantined record: its raw text (as read, HTML-encoded), its review, and the two ways out of quarantine: edit
/// the text and re-parse it (imported as a normal record when it now parses), or discard it with a reason. Every look
/// and every action is audited.
/// </summary>
/// <remarks>
/// A quarantined record has no label the archive could read, so its text is held at the highest label there is (fail
/// closed, as an unreadable portion mark is: docs/decisions/0001): only a reader cleared TOP SECRET with every
/// grantable caveat sees, edits, re-parses or discards it. Everyone else with access to the page sees its envelope
/// (source, position, size, reason, review).
/// </remarks>
public sealed class QuarantinedRecordModel(ArchiveDbContext context, QuarantineReview review, CurrentReader readers, AuditTrail audit, ILogger<QuarantinedRecordModel> logger) : PageModel
{
    /// <summary>Records larger than this are shown in part and not edited in the browser.</summary>
    public const int MaxEditableBytes = 1 << 20;

    /// <summary>The label quarantined text is held at: the top level with every caveat a reader can be granted.</summary>
    public static ClassificationLabel TextLabel { get; } = new(ClassificationLevel.TopSecret, AccountClearance.Grantable.Select(Caveat.FromCode));

    /// <summary>The record.</summary>
    public QuarantinedRecord Record { get; private set; } = null!;

    /// <summary>Whether the reader may see the record's text (and so review it).</summary>
    public bool MayReadText { get; private set; }

    /// <summary>The raw bytes as text (invalid UTF-8 shown as U+FFFD), cut at <see cref="MaxEditableBytes"/>.</summary>
    public string RawText { get; private set; } = "";

    /// <summary>Whether the record is small enough to edit here.</summary>
    public bool Editable => Record.Raw.Length <= MaxEditableBytes;

    /// <summary>The text in the editor: what was typed, else the last edit, else the raw text.</summary>
    [BindProperty]
    public string? Text { get; set; }

    /// <summary>Why the record is discarded.</summary>
    [BindProperty]
    public string? DiscardReason { get; set; }

    /// <summary>What went wrong with the last action.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows the record.</summary>
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        await audit.RecordAsync(AuditActions.QuarantineView, MayReadText ? AuditOutcomes.Ok : AuditOutcomes.Withheld, target: Target(id));
        return Page();
    }

    /// <summary>Re-parses the edited text; when it parses, it is imported and the record marked imported.</summary>
    public async Task<IActionResult> OnPostReparseAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (!MayReadText)
            return await RefuseAsync(AuditActions.QuarantineReparse, id);
        var reviewer = await ReviewerAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(Text) || !Editable)
        {
            Problem = "Edit the record's text before re-parsing it.";
            await audit.RecordAsync(AuditActions.QuarantineReparse, AuditOutcomes.Invalid, target: Target(id));
            return Page();
        }

        // Browsers send a textarea's lines ending in CRLF (HTML's form encoding); cable texts are kept with LF.
        var text = Text.ReplaceLineEndings("\n");
        var result = await review.ReparseAsync(id, text, reviewer, cancellationToken);
        logger.LogInformation("Quarantined record {RecordId} re-parsed by {UserName}: {Outcome} {CableId}", id, reviewer, result.Outcome, result.ReferenceId);
        await audit.RecordAsync(AuditActions.QuarantineReparse, result.Outcome == ReviewOutcome.Imported ? AuditOutcomes.Ok : AuditOutcomes.Invalid, target: Target(id), query: result.ReferenceId);
        if (result.Outcome == ReviewOutcome.Imported)
            return RedirectToPage(new { id });

        Problem = result.Outcome switch
        {
            ReviewOutcome.StillQuarantined => "It still does not parse: " + result.Reason,
            _ => "Someone has already reviewed this record.",
        };
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    /// <summary>Discards the record; a reason is required.</summary>
    public async Task<IActionResult> OnPostDiscardAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (!MayReadText)
            return await RefuseAsync(AuditActions.QuarantineDiscard, id);
        var reviewer = await ReviewerAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(DiscardReason))
        {
            Problem = "Say why the record is discarded.";
            await audit.RecordAsync(AuditActions.QuarantineDiscard, AuditOutcomes.Invalid, target: Target(id));
            return Page();
        }

        var result = await review.DiscardAsync(id, DiscardReason, reviewer, cancellationToken);
        logger.LogInformation("Quarantined record {RecordId} discarded by {UserName}: {Outcome}", id, reviewer, result.Outcome);
        await audit.RecordAsync(AuditActions.QuarantineDiscard, result.Outcome == ReviewOutcome.Discarded ? AuditOutcomes.Ok : AuditOutcomes.Invalid, target: Target(id), query: DiscardReason);
        if (result.Outcome == ReviewOutcome.Discarded)
            return RedirectToPage(new { id });
        Problem = "Someone has already reviewed this record.";
        return Page();
    }

    private static string Target(long id) => $"quarantine/{id}";

    private async Task<IActionResult> RefuseAsync(string action, long id)
    {
        await audit.RecordAsync(action, AuditOutcomes.Denied, target: Target(id));
        return Forbid();
    }

    private async Task<string> ReviewerAsync(CancellationToken cancellationToken) =>
        (await readers.GetAsync(cancellationToken))?.UserName ?? throw new InvalidOperationException("No reader signed in.");

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var record = await context.QuarantinedRecords.AsNoTracking().FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (record is null)
            return false;
        Record = record;
        MayReadText = (await readers.GetAsync(cancellationToken))?.Clearance.Dominates(TextLabel) == true;
        if (!MayReadText)
        {
            Text = null;
            return true;
        }

        RawText = Encoding.UTF8.GetString(record.Raw, 0, Math.Min(record.Raw.Length, MaxEditableBytes));
        Text ??= record.EditedText ?? RawText;
        return true;
    }
}
