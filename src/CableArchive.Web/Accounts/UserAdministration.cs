using System.Security.Cryptography;
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
/// Creates users, issues tokens and changes clearances: what <c>cablearchive users</c>, the first start and (later) the
/// admin pages share. Every change is audited.
/// </summary>
public sealed class UserAdministration(UserManager<ArchiveUser> users, RoleManager<ArchiveRole> roles, ArchiveDbContext context, NpgsqlDataSource auditDataSource)
{
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

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
    public async Task<CreatedUser> CreateAsync(NewUser spec, string actor)
    {
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

        await AuditLog.WriteAsync(auditDataSource, new AuditEvent
        {
            UserName = actor,
            Action = AuditActions.UserCreate,
            Target = user.UserName,
            Outcome = AuditOutcomes.Ok,
            Detail = JsonSerializer.Serialize(new { after = new { roles = spec.Roles, clearance = user.ToClearance().ToString(), apiToken = token is not null } }),
        });
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

    /// <summary>
    /// Changes a user's clearance. It applies at the user's next request, without signing them out: the clearance is
    /// never in the cookie or the token, it is read from the database on every request.
    /// </summary>
    public async Task SetClearanceAsync(string userName, ClassificationLevel level, IReadOnlyList<string> grants, string actor)
    {
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"There is no user '{userName}'.");
        var before = user.ToClearance().ToString();
        user.ClearanceLevel = level;
        user.CaveatGrants = grants.ToList();
        Check(await users.UpdateAsync(user));
        await AuditLog.WriteAsync(auditDataSource, new AuditEvent
        {
            UserName = actor,
            Action = AuditActions.UserChange,
            Target = userName,
            Outcome = AuditOutcomes.Ok,
            Detail = JsonSerializer.Serialize(new { before = new { clearance = before }, after = new { clearance = user.ToClearance().ToString() } }),
        });
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
