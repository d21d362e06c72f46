using System.CommandLine;
using CableArchive.Data;
using CableArchive.Data.Accounts;
using CableArchive.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace CableArchive.Cli.Commands;

/// <summary>
/// <c>cablearchive users add NAME --role ROLE [--role ROLE] --clearance LEVEL [--caveats A,B] [--api-token]</c>: creates a
/// user and prints a one-time password (changed at first sign-in) and, with <c>--api-token</c>, a line
/// <c>token: VALUE</c> with a bearer token for the JSON API. The first admin is made this way.
/// </summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The user's sign-in name." };
        var roles = new Option<string[]>("--role") { Description = "Analyst, Archivist or Admin (repeatable).", DefaultValueFactory = _ => [ArchiveRoles.Analyst], AllowMultipleArgumentsPerToken = true };
        var clearance = new Option<string>("--clearance") { Description = "UNCLASSIFIED, SBU, CONFIDENTIAL, SECRET or TOP SECRET.", Required = true };
        var caveats = new Option<string?>("--caveats") { Description = $"Caveat grants, comma-separated ({string.Join(", ", AccountClearance.Grantable)})." };
        var apiToken = new Option<bool>("--api-token") { Description = "Also issue a bearer token for the JSON API." };
        var archive = new ArchiveOptions();
        var add = new Command("add", "Create a user with a one-time password.") { name, roles, clearance, caveats, apiToken };
        archive.AddTo(add);
        add.SetAction((parseResult, cancellationToken) => AddAsync(
            parseResult.GetValue(name)!, parseResult.GetValue(roles) ?? [], parseResult.GetValue(clearance)!, parseResult.GetValue(caveats),
            parseResult.GetValue(apiToken), archive.Location(parseResult), cancellationToken));
        return new Command("users", "Manage the web application's users.") { add };
    }

    private static async Task<int> AddAsync(string name, string[] roleNames, string clearanceText, string? caveatsText, bool apiToken, ArchiveLocation location, CancellationToken cancellationToken)
    {
        // Everything typed is checked before the archive is opened.
        var roles = roleNames.SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var unknownRole = roles.FirstOrDefault(r => ArchiveRoles.Canonical(r) is null);
        if (unknownRole is not null || roles.Count == 0)
        {
            Console.Error.WriteLine($"error: '{unknownRole}' is not a role; roles: {string.Join(", ", ArchiveRoles.All)}.");
            return 1;
        }

        if (AccountClearance.ParseLevel(clearanceText) is not { } level)
        {
            Console.Error.WriteLine($"error: '{clearanceText}' is not a classification level (UNCLASSIFIED, SBU, CONFIDENTIAL, SECRET, TOP SECRET).");
            return 1;
        }

        var (grants, grantError) = AccountClearance.ParseGrants(caveatsText);
        if (grantError is not null)
        {
            Console.Error.WriteLine($"error: {grantError}");
            return 1;
        }

        if (await ImportCommand.OpenArchiveAsync(location, cancellationToken) is not { } database)
            return 1;
        await using (database)
        {
            await using var services = AccountServices.Create(database.DataSource);
            await using var scope = services.CreateAsyncScope();
            var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            CreatedUser created;
            try
            {
                var spec = new NewUser(name, roles.Select(r => ArchiveRoles.Canonical(r)!).Distinct().ToList(), level, grants, apiToken);
                created = await administration.CreateAsync(spec, "cli:" + Environment.UserName);
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }

            Console.WriteLine($"user: {created.User.UserName}");
            Console.WriteLine($"clearance: {created.User.ToClearance()}");
            Console.WriteLine($"password: {created.Password}");
            Console.WriteLine("(one-time password: it must be changed at the first sign-in)");
            if (created.ApiToken is not null)
                Console.WriteLine($"token: {created.ApiToken}");
            return 0;
        }
    }
}
