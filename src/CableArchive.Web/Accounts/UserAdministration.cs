using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CableArchive.Data;
using CableArchive.Data.Accounts;
using CableArchive.Data.Audit;
using CableArchive.Domain.Classification;
using CableArchive.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CableArchive.Web.Accounts;

/// <summary>What to create: a user with roles and a clearance.</summary>
/// <param name="UserName">The sign-in name.</param>
/// <param name="Roles">Roles (<see cref="ArchiveRoles"/>).</param>
/// <param name="Level">The clearance level.</param>
/// <param name="Grants">Caveat grants, canonical codes.</param>
/// <param name="WithApiToken">Whether to issue a bearer token too.</param>
public sealed record NewUser(string UserName, IReadOnlyList<string> Roles, ClassificationLevel Level, IReadOnlyList<string> Grants, bool WithApiToken = false);

/// <summary>A created user's one-time secrets: shown once, never stored in clear.</summary>
/// <param name="User">The user.</param>
/// <param name="Password">The one-time password, to change at first sign-in.</param>
/// <param name="ApiToken">The bearer token, when asked for.</param>
public sealed record CreatedUser(ArchiveUser User, string Password, string? ApiToken);

/// <summary>
/// Who makes an administrative change, for its audit record: a name (an admin, <c>cli:…</c>, <c>first start</c>), and
/// in the web application the admin's id and the request's correlation id. A plain string converts to an actor with
/// only a name, which is all the command line and the first start have.
/// </summary>
/// <param name="Name">The actor's name.</param>
/// <param name="UserId">The acting admin's user id, when signed in.</param>
/// <param name="CorrelationId">The request's correlation id, when there is a request.</param>
public sealed record AdminActor(string Name, long? UserId = null, string? CorrelationId = null)
{
    /// <summary>An actor known by name only.</summary>
    public static implicit operator AdminActor(string name) => new(name);

    /// <summary>The signed-in <paramref name="admin"/> acting in the request <paramref name="http"/>.</summary>
    public static AdminActor Of(Reader admin, HttpContext http) => new(admin.UserName, admin.UserId, http.TraceIdentifier);
}

/// <summary>An account as the admins' pages show it.</summary>
/// <param name="Id">The user's id.</param>
/// <param name="UserName">The sign-in name.</param>
/// <param name="Roles">The roles, in the order of <see cref="ArchiveRoles.All"/>.</param>
/// <param name="Clearance">The clearance the read rule uses.</param>
/// <param name="Active">Whether the user may sign in.</param>
/// <param name="MustChangePassword">Whether the password is a one-time password not yet changed.</param>
/// <param name="LockedOut">Whether failed sign-ins have locked the account for now.</param>
/// <param name="CreatedAt">When the account was created.</param>
/// <param name="LastSignIn">The last successful sign-in the audit table records, if any.</param>
public sealed record UserSummary(
    long Id, string UserName, IReadOnlyList<string> Roles, Clearance Clearance, bool Active, bool MustChangePassword, bool LockedOut,
    DateTime CreatedAt, DateTime? LastSignIn);

/// <summary>
/// What the audit record of an administrative change keeps of the account, before and after. The security stamp is kept
/// as a fingerprint (8 hex digits of its SHA-256): enough to show that sessions were ended, useless to anyone else.
/// </summary>
/// <param name="Roles">The roles.</param>
/// <param name="Clearance">The clearance, as <see cref="Clearance.ToString"/> prints it.</param>
/// <param name="Active">Whether the user may sign in.</param>
/// <param name="MustChangePassword">Whether the password is a one-time password.</param>
/// <param name="ApiTokens">How many bearer tokens are not revoked.</param>
/// <param name="SecurityStamp">The fingerprint of the security stamp.</param>
public sealed record AccountState(IReadOnlyList<string> Roles, string Clearance, bool Active, bool MustChangePassword, int ApiTokens, string SecurityStamp);

/// <summary>
/// Creates users, issues tokens, changes roles and clearances, deactivates, resets passwords and ends sessions: what
/// <c>cablearchive users</c>, the first start and the admin pages share. Every change is audited with the account's
/// state before and after it (<see cref="AccountState"/>, JSON <c>{before, after}</c> in the record's detail).
/// </summary>
/// <remarks>
/// Administering users gives no access to cables: what an admin reads is decided by the admin's own clearance alone.
/// </remarks>
public sealed class UserAdministration(UserManager<ArchiveUser> users, RoleManager<ArchiveRole> roles, ArchiveDbContext context, NpgsqlDataSource auditDataSource)
{
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private static readonly JsonSerializerOptions DetailJson = new(JsonSerializerDefaults.Web);

    /// <summary>Makes sure every role of <see cref="ArchiveRoles.All"/> exists.</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in ArchiveRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new ArchiveRole(role));
        }
    }

    /// <summary>Creates a user with a one-time password (and a token when asked); throws with Identity's errors when refused.</summary>
    /// <param name="spec">What to create.</param>
    /// <param name="actor">Who creates it, for the audit record.</param>
    public async Task<CreatedUser> CreateAsync(NewUser spec, AdminActor actor)
    {
        CheckSettings(spec.Roles, spec.Level, spec.Grants);
        await EnsureRolesAsync();
        var user = new ArchiveUser
        {
            UserName = spec.UserName,
            ClearanceLevel = spec.Level,
            CaveatGrants = spec.Grants.ToList(),
            MustChangePassword = true,
            CreatedAt = DateTime.UtcNow,
        };
        var password = NewPassword();
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRolesAsync(user, spec.Roles));
        var token = spec.WithApiToken ? await IssueTokenAsync(user, "created with the account") : null;
        await AuditAsync(actor, AuditActions.UserCreate, user, before: null, after: await StateAsync(user));
        return new CreatedUser(user, password, token);
    }

    /// <summary>Issues a bearer token for <paramref name="user"/>; returns its value, which is not stored.</summary>
    public async Task<string> IssueTokenAsync(ArchiveUser user, string name)
    {
        var value = ApiToken.NewValue();
        context.ApiTokens.Add(new ApiToken { UserId = user.Id, Name = name, TokenSha256 = ApiToken.Hash(value), CreatedAt = DateTime.UtcNow });
        await context.SaveChangesAsync();
        return value;
    }

    /// <summary>Every account, by name, with its roles and last sign-in.</summary>
    public Task<List<UserSummary>> ListAsync() => SummariesAsync(context.Users);

    /// <summary>One account, or null when there is no user with that id.</summary>
    public async Task<UserSummary?> GetAsync(long id) => (await SummariesAsync(context.Users.Where(u => u.Id == id))).SingleOrDefault();

    /// <summary>
    /// Changes a user's clearance. It applies at the user's next request, without signing them out: the clearance is
    /// never in the cookie or the token, it is read from the database on every request.
    /// </summary>
    public async Task SetClearanceAsync(string userName, ClassificationLevel level, IReadOnlyList<string> grants, AdminActor actor)
    {
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"There is no user '{userName}'.");
        await ChangeAsync(user.Id, await SortedRolesAsync(user), level, grants, actor);
    }

    /// <summary>
    /// Sets a user's roles and clearance. Both apply at the user's next request: the clearance is read from the database
    /// on every request, and the roles with it (the security stamp is validated on every request, which rebuilds the
    /// cookie's principal). An admin cannot take the Admin role from themselves.
    /// </summary>
    public async Task ChangeAsync(long id, IReadOnlyList<string> newRoles, ClassificationLevel level, IReadOnlyList<string> grants, AdminActor actor)
    {
        CheckSettings(newRoles, level, grants);
        var user = await FindAsync(id);
        if (actor.UserId == id && !newRoles.Contains(ArchiveRoles.Admin))
            throw new InvalidOperationException("You cannot take the Admin role from yourself.");
        await AuditedAsync(actor, AuditActions.UserChange, user, async () =>
        {
            var current = await users.GetRolesAsync(user);
            Check(await users.RemoveFromRolesAsync(user, current.Except(newRoles)));
            Check(await users.AddToRolesAsync(user, newRoles.Except(current)));
            user.ClearanceLevel = level;
            user.CaveatGrants = grants.Order(StringComparer.Ordinal).ToList();
            Check(await users.UpdateAsync(user));
        });
    }

    /// <summary>
    /// Deactivates or reactivates a user. Deactivation also renews the security stamp: the user's cookies fail at their
    /// next request, their bearer tokens stop working (they authenticate active users only) and they cannot sign in.
    /// An admin cannot deactivate themselves.
    /// </summary>
    public async Task SetActiveAsync(long id, bool active, AdminActor actor)
    {
        var user = await FindAsync(id);
        if (actor.UserId == id && !active)
            throw new InvalidOperationException("You cannot deactivate your own account.");
        await AuditedAsync(actor, active ? AuditActions.UserReactivate : AuditActions.UserDeactivate, user, async () =>
        {
            user.IsActive = active;
            Check(active ? await users.UpdateAsync(user) : await users.UpdateSecurityStampAsync(user));
        });
    }

    /// <summary>
    /// Replaces a user's password with a new one-time password (returned, shown once, to be changed at the next
    /// sign-in), lifts a lockout, and ends the user's sessions (a new password renews the security stamp).
    /// </summary>
    public async Task<string> ResetPasswordAsync(long id, AdminActor actor)
    {
        var user = await FindAsync(id);
        var password = NewPassword();
        await AuditedAsync(actor, AuditActions.PasswordReset, user, async () =>
        {
            Check(await users.RemovePasswordAsync(user));
            Check(await users.AddPasswordAsync(user, password));
            user.MustChangePassword = true;
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            Check(await users.UpdateAsync(user));
        });
        return password;
    }

    /// <summary>
    /// Ends every way a user is signed in: the new security stamp no longer matches the one in their cookies, which is
    /// checked on every request, and every bearer token they hold is revoked (an admin may issue a new one with
    /// <see cref="IssueNewTokenAsync"/>). The account stays active: the user may sign in again.
    /// </summary>
    public async Task SignOutEverywhereAsync(long id, AdminActor actor)
    {
        var user = await FindAsync(id);
        await AuditedAsync(actor, AuditActions.UserSignOut, user, async () =>
        {
            Check(await users.UpdateSecurityStampAsync(user));
            var now = DateTime.UtcNow;
            await context.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
                .ExecuteUpdateAsync(t => t.SetProperty(token => token.RevokedAt, now));
        });
    }

    /// <summary>Issues a new bearer token for a user; returns its value, shown once and stored only as a hash. Audited.</summary>
    public async Task<string> IssueNewTokenAsync(long id, AdminActor actor)
    {
        var user = await FindAsync(id);
        var value = "";
        await AuditedAsync(actor, AuditActions.TokenIssue, user, async () => value = await IssueTokenAsync(user, $"issued by {actor.Name}"));
        return value;
    }

    /// <summary>Whether any user exists.</summary>
    public Task<bool> AnyUserAsync() => context.Users.AnyAsync();

    /// <summary>A random password that meets <see cref="AccountsSetup.ConfigureIdentity"/>'s rules.</summary>
    public static string NewPassword()
    {
        // Letters and digits without look-alikes, then one of each class the password rules ask for.
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = PasswordAlphabet[RandomNumberGenerator.GetInt32(PasswordAlphabet.Length)];
        return new string(chars) + "-a7K";
    }

    private async Task<List<UserSummary>> SummariesAsync(IQueryable<ArchiveUser> selection)
    {
        var now = DateTimeOffset.UtcNow;
        var rows = await selection
            .OrderBy(u => u.UserName)
            .Select(u => new
            {
                User = u,
                Roles = context.UserRoles.Where(link => link.UserId == u.Id)
                    .Join(context.Roles, link => link.RoleId, role => role.Id, (_, role) => role.Name!)
                    .ToList(),

                // Sign-ins are recorded before the user is known to the request, so by the name typed (the target).
                LastSignIn = context.AuditEvents
                    .Where(e => e.Target == u.UserName && e.Action == AuditActions.SignIn && e.Outcome == AuditOutcomes.Ok)
                    .Max(e => (DateTime?)e.At),
            })
            .AsNoTracking()
            .ToListAsync();
        return rows.Select(row => new UserSummary(
                row.User.Id, row.User.UserName ?? "", SortRoles(row.Roles), row.User.ToClearance(), row.User.IsActive, row.User.MustChangePassword,
                row.User.LockoutEnd > now, row.User.CreatedAt, row.LastSignIn))
            .ToList();
    }

    private async Task<ArchiveUser> FindAsync(long id) =>
        await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture))
        ?? throw new InvalidOperationException($"There is no user with id {id}.");

    private async Task AuditedAsync(AdminActor actor, string action, ArchiveUser user, Func<Task> change)
    {
        var before = await StateAsync(user);
        await change();
        await AuditAsync(actor, action, user, before, await StateAsync(user));
    }

    private async Task<AccountState> StateAsync(ArchiveUser user) => new(
        await SortedRolesAsync(user),
        user.ToClearance().ToString(),
        user.IsActive,
        user.MustChangePassword,
        await context.ApiTokens.CountAsync(t => t.UserId == user.Id && t.RevokedAt == null),
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user.SecurityStamp ?? "")))[..8]);

    private Task AuditAsync(AdminActor actor, string action, ArchiveUser user, AccountState? before, AccountState after) =>
        AuditLog.WriteAsync(auditDataSource, new AuditEvent
        {
            UserId = actor.UserId,
            UserName = actor.Name,
            Action = action,
            Target = user.UserName,
            Outcome = AuditOutcomes.Ok,
            CorrelationId = actor.CorrelationId,
            Detail = JsonSerializer.Serialize(new { before, after }, DetailJson),
        });

    private async Task<IReadOnlyList<string>> SortedRolesAsync(ArchiveUser user) => SortRoles(await users.GetRolesAsync(user));

    private static IReadOnlyList<string> SortRoles(IEnumerable<string> names) => ArchiveRoles.All.Where(names.Contains).ToList();

    private static void CheckSettings(IReadOnlyList<string> newRoles, ClassificationLevel level, IReadOnlyList<string> grants)
    {
        if (!Enum.IsDefined(level))
            throw new InvalidOperationException($"'{level}' is not a classification level.");
        if (newRoles.FirstOrDefault(r => !ArchiveRoles.All.Contains(r)) is { } role)
            throw new InvalidOperationException($"'{role}' is not a role; roles: {string.Join(", ", ArchiveRoles.All)}.");
        if (grants.FirstOrDefault(g => !AccountClearance.Grantable.Contains(g)) is { } grant)
            throw new InvalidOperationException($"'{grant}' cannot be granted; grantable caveats: {string.Join(", ", AccountClearance.Grantable)}.");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}

/// <summary>Services for administering accounts outside the web application (the <c>users</c> command, tests).</summary>
public static class AccountServices
{
    /// <summary>A service provider with Identity over <paramref name="dataSource"/>; dispose it after use.</summary>
    public static ServiceProvider Create(NpgsqlDataSource dataSource)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(dataSource);
        services.AddDbContext<ArchiveDbContext>(options => ArchiveDbContext.Configure(options, dataSource));
        services.AddIdentityCore<ArchiveUser>(AccountsSetup.ConfigureIdentity)
            .AddRoles<ArchiveRole>()
            .AddEntityFrameworkStores<ArchiveDbContext>();
        services.AddScoped<UserAdministration>();
        return services.BuildServiceProvider();
    }
}
