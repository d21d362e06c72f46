using CableArchive.Data;
using CableArchive.Data.Model;
using CableArchive.Data.Search;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Admin;
using CableArchive.Tests.Web.Infrastructure;

namespace CableArchive.Tests.Web.Notes;

/// <summary>Notes written through the cable page's form, or stored directly as the database's owner (for large fixtures).</summary>
internal static class NoteTestHelpers
{
    /// <summary>
    /// Stores a note on the cable <paramref name="id"/> (its reference id or an alias) marked <paramref name="mark"/>, as
    /// the form would store it; returns the reference id the note is keyed by.
    /// </summary>
    public static async Task<string> AddNoteAsync(this ArchiveApp app, string id, ClassificationLabel mark, string text, DateTime? createdAt = null)
    {
        var dataSource = app.Archive.Database.DataSource;
        var cableId = await CableQueries.FindAsync(dataSource, id) ?? throw new InvalidOperationException($"No cable {id} in the archive.");
        var referenceId = (await CableQueries.GetEnvelopeAsync(dataSource, cableId))!.ReferenceId;
        await using var context = ArchiveDbContext.Create(dataSource);
        var codes = mark.Caveats.Select(c => c.Code).ToList();
        context.CableNotes.Add(new CableNote
        {
            CableReferenceId = referenceId,
            AuthorId = 0,
            AuthorName = "fixture-analyst",
            CreatedAt = createdAt ?? default,
            MarkLevel = mark.Level,
            MarkCaveats = codes,
            ReadLevel = mark.Level,
            ReadCaveats = codes,
            Text = text,
        });
        await context.SaveChangesAsync();
        return referenceId;
    }

    /// <summary>Posts the note form of cable <paramref name="referenceId"/> with the page's antiforgery token.</summary>
    public static Task<HttpResponseMessage> PostNoteAsync(this HttpClient client, string referenceId, string text, string level, params string[] caveats)
    {
        var page = "/cables/" + Uri.EscapeDataString(referenceId);
        var fields = new List<KeyValuePair<string, string>> { new("Note.Text", text), new("Note.Level", level) };
        fields.AddRange(caveats.Select(c => new KeyValuePair<string, string>("Note.Caveats", c)));
        return client.PostFormAsync(page, page + "?handler=Note", fields);
    }

    /// <summary>How many notes the database holds (as its owner).</summary>
    public static async Task<long> CountNotesAsync(this ArchiveApp app)
    {
        await using var command = app.Archive.Database.DataSource.CreateCommand("SELECT count(*) FROM cable_notes");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
