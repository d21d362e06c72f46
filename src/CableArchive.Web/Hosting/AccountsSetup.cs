using CableArchive.Data;
using CableArchive.Data.Accounts;
using CableArchive.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CableArchive.Web.Hosting;

/// <summary>
/// Identity with cookie sign-in and roles, bearer tokens for the API, and the fallback policy: every page and endpoint
/// needs a signed-in user unless it says otherwise (sign-in, <c>/health</c>; static files are served before
/// authorization runs).
/// </summary>
public static class AccountsSetup
{
    /// <summary>The scheme that picks the bearer handler when a request carries a token, else the cookie.</summary>
    public const string CookieOrBearer = "CookieOrBearer";

    /// <summary>Policy: the user is an admin.</summary>
    public const string AdminPolicy = "Admin";

    /// <summary>Policy: the user is an archivist or an admin.</summary>
    public const string ArchivistPolicy = "Archivist";

    /// <summary>The password and lockout rules, shared by the web application and the <c>users</c> command.</summary>
    public static void ConfigureIdentity(IdentityOptions options)
    {
        options.Password.RequiredLength = 12;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.User.RequireUniqueEmail = false;
    }

    /// <summary>Adds Identity, the schemes and the policies.</summary>
    public static IServiceCollection AddArchiveAccounts(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddDbContext<ArchiveDbContext>((provider, options) => ArchiveDbContext.Configure(options, provider.GetRequiredService<WebArchive>().DataSource));
        services.AddIdentity<ArchiveUser, ArchiveRole>(ConfigureIdentity)
            .AddEntityFrameworkStores<ArchiveDbContext>()
            .AddDefaultTokenProviders();
        services.AddScoped<UserAdministration>(provider => new UserAdministration(
            provider.GetRequiredService<UserManager<ArchiveUser>>(),
            provider.GetRequiredService<RoleManager<ArchiveRole>>(),
            provider.GetRequiredService<ArchiveDbContext>(),
            provider.GetRequiredService<WebArchive>().DataSource));
        services.AddScoped<CurrentReader>();

        // Roles and the security stamp are checked against the database on every request, so that a change an admin
        // makes (or "sign out everywhere") applies at once; the clearance itself is never in the cookie.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "cablearchive.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/denied";

            // The API answers with status codes, never with a redirect to a page.
            options.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrBearer;
                options.DefaultAuthenticateScheme = CookieOrBearer;
                options.DefaultChallengeScheme = CookieOrBearer;
                options.DefaultForbidScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(ArchiveRoles.Admin))
            .AddPolicy(ArchivistPolicy, policy => policy.RequireRole(ArchiveRoles.Archivist, ArchiveRoles.Admin));
        return services;
    }

    /// <summary>
    /// Treats a signed-in user who is no longer an active account as signed out: a deactivated or deleted user's cookie
    /// or token stops working at their next request.
    /// </summary>
    public static WebApplication UseArchiveActiveReaders(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true)
            {
                var reader = await context.RequestServices.GetRequiredService<CurrentReader>().GetAsync(context.RequestAborted);
                if (reader is null)
                {
                    if (context.User.Identity.AuthenticationType != ApiTokenAuthenticationHandler.SchemeName)
                        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                    context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
                }
                else if (reader.MustChangePassword && IsPage(context) && !context.Request.Path.StartsWithSegments("/account"))
                {
                    // A one-time password is for changing, not for reading.
                    context.Response.Redirect("/account/change-password");
                    return;
                }
            }

            await next(context);
        });
        return app;
    }

    private static bool IsPage(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/health") && HttpMethods.IsGet(context.Request.Method);

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        // A relative redirect: behind a proxy or on loopback the scheme the application sees may not be the browser's.
        var target = Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri;
        context.Response.Redirect(target);
        return Task.CompletedTask;
    }
}
