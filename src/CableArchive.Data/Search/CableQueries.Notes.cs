using CableArchive.Data.Model;
using CableArchive.Domain.Classification;
using Npgsql;

namespace CableArchive.Data.Search;

public static partial class CableQueries
{
    /// <summary>
    /// The notes on cable <paramref name="referenceId"/> that the reader may read, oldest first. The read rule runs in the
    /// SQL, so a withheld note never leaves the database, not even as a count.
    /// </summary>
    public static async Task<IReadOnlyList<CableNote>> GetReadableNotesAsync(
        NpgsqlDataSource dataSource, ReaderClearance reader, string referenceId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT id, author_id, author_name, created_at, mark_level, mark_caveats, read_level, read_caveats, text
            FROM cable_notes n
            WHERE n.cable_reference_id = @reference_id AND {ReaderClearance.Readable("n")}
            ORDER BY n.created_at, n.id
            """);
        reader.AddParameters(command.Parameters);
        command.Parameters.Add(new NpgsqlParameter("reference_id", referenceId));
        await using var row = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var notes = new List<CableNote>();
        while (await row.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            notes.Add(new CableNote
            {
                Id = row.GetInt64(0),
                CableReferenceId = referenceId,
                AuthorId = row.GetInt64(1),
                AuthorName = row.GetString(2),
                CreatedAt = row.GetDateTime(3),
                MarkLevel = (ClassificationLevel)row.GetInt16(4),
                MarkCaveats = [.. row.GetFieldValue<string[]>(5)],
                ReadLevel = (ClassificationLevel)row.GetInt16(6),
                ReadCaveats = [.. row.GetFieldValue<string[]>(7)],
                Text = row.GetString(8),
            });
        }

        return notes;
    }
}
