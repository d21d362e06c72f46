using System.Security.Claims;
using CableArchive.Data.Accounts;
using CableArchive.Data.Search;
using CableArchive.Domain.Classification;
using CableArchive.Web.Hosting;
using Npgsql;

namespace CableArchive.Web.Accounts;

/// <summary>The signed-in reader of a request, with the clearance read from the database for this very request.</summary>
/// <param name="UserId">The user's id.</param>
/// <param name="UserName">The user's name.</param>
/// <param name="Clearance">The clearance the read rule uses.</param>
/// <param name="MustChangePassword">Whether the user still has a one-time password.</param>
public sealed record Reader(long UserId, string UserName, Clearance Clearance, bool MustChangePassword)
{
    /// <summary>The clearance in the form the SQL read rule takes.</summary>
    public ReaderClearance Sql { get; } = ReaderClearance.Of(Clearance);
}

/// <summary>
/// Finds the reader of the current request. Nothing about clearance is taken from the cookie or the token: the user's
/// row is read once per request, so an admin's change applies at the next request, and a deactivated or deleted user
/// reads nothing (fail closed).
/// </summary>
public sealed class CurrentReader(IHttpContextAccessor http, WebArchive archive)
{
    private const string ItemKey = "CableArchive.Reader";

    /// <summary>The reader, or null when no active user is signed in.</summary>
    public async Task<Reader?> GetAsync(CancellationToken cancellationToken = default)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("No request is being served.");
        if (context.Items.TryGetValue(ItemKey, out var cached))
            return cached as Reader;

        var reader = await LoadAsync(archive.DataSource, context.User, cancellationToken);
        context.Items[ItemKey] = reader;
        return reader;
    }

    /// <summary>The reader named by <paramref name="user"/>'s id claim, read from the users table; null when not found or inactive.</summary>
    public static async Task<Reader?> LoadAsync(NpgsqlDataSource dataSource, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.Identity?.IsAuthenticated != true || !long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
            return null;

        await using var command = dataSource.CreateCommand(
            "SELECT id, user_name, clearance_level, caveat_grants, must_change_password FROM users WHERE id = $1 AND is_active");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        return await row.ReadAsync(cancellationToken) ? FromRow(row) : null;
    }

    /// <summary>
    /// A reader from a row of (id, user_name, clearance_level, caveat_grants, must_change_password); null when the level
    /// is not one the archive knows (fail closed).
    /// </summary>
    internal static Reader? FromRow(NpgsqlDataReader row)
    {
        var level = (ClassificationLevel)row.GetInt16(2);
        return Enum.IsDefined(level)
            ? new Reader(row.GetInt64(0), row.GetString(1), AccountClearance.From(level, row.GetFieldValue<string[]>(3)), row.GetBoolean(4))
            : null;
    }

    /// <summary>Keeps the reader an authentication handler has just read, for the rest of the request.</summary>
    internal static void Remember(HttpContext context, Reader? reader) => context.Items[ItemKey] = reader;
}
