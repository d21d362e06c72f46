using System.Security.Claims;
using System.Text.Encodings.Web;
using CableArchive.Data.Accounts;
using CableArchive.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CableArchive.Web.Accounts;

/// <summary>
/// Authenticates <c>Authorization: Bearer cat_…</c>: the token's SHA-256 is looked up among the tokens that are not
/// revoked and belong to an active user. The principal carries only the user's id and name; the clearance is read per
/// request like for a cookie.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, WebArchive archive)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "Bearer";

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();

        var value = header["Bearer ".Length..].Trim();
        if (!value.StartsWith(ApiToken.Prefix, StringComparison.Ordinal) || value.Length > 200)
            return AuthenticateResult.Fail("The bearer token is not a CableArchive token.");

        // The user's row comes with the token, read for this request like a cookie user's (see CurrentReader).
        await using var command = archive.DataSource.CreateCommand(
            """
            SELECT u.id, u.user_name, u.clearance_level, u.caveat_grants, u.must_change_password
            FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_sha256 = $1 AND t.revoked_at IS NULL AND u.is_active
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ApiToken.Hash(value) });
        await using var row = await command.ExecuteReaderAsync(Context.RequestAborted);
        if (!await row.ReadAsync(Context.RequestAborted))
            return AuthenticateResult.Fail("The bearer token is unknown or revoked.");

        CurrentReader.Remember(Context, CurrentReader.FromRow(row));
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, row.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture)), new Claim(ClaimTypes.Name, row.GetString(1))],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
