using System.Net;
using System.Text.RegularExpressions;
using CableArchive.Data.Audit;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Infrastructure;

namespace CableArchive.Tests.Web.Admin;

/// <summary>The audit log viewer: filters, paging, CSV, and the envelope-only view of records above the admin's clearance.</summary>
public sealed partial class AuditViewerTests(ReadingFixture fixture) : IClassFixture<ReadingFixture>
{
    private ArchiveApp App => fixture.App;

    [Fact]
    public async Task A_search_above_the_admins_clearance_shows_its_envelope_only_in_the_page_and_the_csv()
    {
        // The canary: a term only a SECRET//NOFORN analyst typed, so its record is labelled SECRET//NOFORN.
        var canary = "canary" + Guid.NewGuid().ToString("N")[..12];
        await App.As(fixture.SecretNoForn).GetStringAsync($"/search?q={canary}");
        var low = await App.SignInAsync(await App.CreateAdminAsync(ClassificationLevel.Confidential));
        var high = await App.SignInAsync(await App.CreateAdminAsync(ClassificationLevel.Secret, "NOFORN"));
        var filter = $"?user={fixture.SecretNoForn.Name}&action=search";

        var page = await low.GetStringAsync("/admin/audit" + filter);
        Assert.Contains("Withheld: this record is labelled SECRET//NOFORN", page);
        Assert.Contains($"<td>{fixture.SecretNoForn.Name}</td>", page);
        Assert.DoesNotContain(canary, page);
        var csv = await low.GetStringAsync("/admin/audit/csv" + filter);
        Assert.Contains($",{fixture.SecretNoForn.Name},search,ok,SECRET//NOFORN,yes,,,,,,", csv);
        Assert.DoesNotContain(canary, csv);
        Assert.DoesNotContain(canary, await low.GetStringAsync("/admin/audit"));
        Assert.DoesNotContain(canary, await low.GetStringAsync("/admin/audit/csv"));

        // Filtering on the target would tell it: a withheld record never matches a target filter.
        Assert.Equal(1, Lines(await low.GetStringAsync($"/admin/audit/csv{filter}&target=page")));
        Assert.Equal(2, Lines(await high.GetStringAsync($"/admin/audit/csv{filter}&target=page")));

        // An admin cleared for the label sees the whole record.
        Assert.Contains(canary, await high.GetStringAsync("/admin/audit" + filter));
        Assert.Contains(canary, await high.GetStringAsync("/admin/audit/csv" + filter));
    }

    [Fact]
    public async Task Filters_select_by_user_action_outcome_and_time()
    {
        var user = "filtered-" + Guid.NewGuid().ToString("N")[..8];
        await WriteAsync(user, AuditActions.CableView, AuditOutcomes.Ok, "08TOKYO1001");
        await WriteAsync(user, AuditActions.CableView, AuditOutcomes.Denied, "08TOKYO1003");
        await WriteAsync(user, AuditActions.Browse, AuditOutcomes.Ok, "tags");
        var admin = await App.SignInAsync(await App.CreateAdminAsync(ClassificationLevel.Confidential));
        var hourAgo = DateTime.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm");
        var hourAhead = DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm");

        Assert.Equal(["08TOKYO1001", "08TOKYO1003", "tags"], Targets(await admin.GetStringAsync($"/admin/audit?user={user.ToUpperInvariant()}")).Order());
        Assert.Equal(["08TOKYO1001", "08TOKYO1003"], Targets(await admin.GetStringAsync($"/admin/audit?user={user}&action=cable.view")).Order());
        Assert.Equal(["08TOKYO1003"], Targets(await admin.GetStringAsync($"/admin/audit?user={user}&outcome=denied")));
        Assert.Equal(["08TOKYO1001"], Targets(await admin.GetStringAsync($"/admin/audit?user={user}&target=08TOKYO1001")));
        Assert.Equal(3, Targets(await admin.GetStringAsync($"/admin/audit?user={user}&since={hourAgo}&until={hourAhead}")).Count);
        Assert.Empty(Targets(await admin.GetStringAsync($"/admin/audit?user={user}&since={hourAhead}")));
        Assert.Empty(Targets(await admin.GetStringAsync($"/admin/audit?user={user}&until={hourAgo}")));
        Assert.Equal(3, Lines(await admin.GetStringAsync($"/admin/audit/csv?user={user}&outcome=ok")));
    }

    [Fact]
    public async Task Pages_go_older_and_back_newer_without_gaps_or_overlaps()
    {
        var user = "paged-" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 120; i++)
            await WriteAsync(user, AuditActions.Browse, AuditOutcomes.Ok, "row" + i);
        var admin = await App.SignInAsync(await App.CreateAdminAsync(ClassificationLevel.Confidential));

        var first = await admin.GetStringAsync($"/admin/audit?user={user}");
        var second = await admin.GetStringAsync(Link(first, "next")!);
        var third = await admin.GetStringAsync(Link(second, "next")!);
        Assert.Null(Link(third, "next"));
        Assert.Null(Link(first, "prev"));
        var pages = new[] { first, second, third }.Select(Targets).ToList();
        Assert.Equal([50, 50, 20], pages.Select(p => p.Count));
        Assert.Equal(Enumerable.Range(0, 120).Reverse().Select(i => "row" + i), pages.SelectMany(p => p));

        var back = await admin.GetStringAsync(Link(third, "prev")!);
        Assert.Equal(pages[1], Targets(back));
        Assert.Equal(pages[0], Targets(await admin.GetStringAsync(Link(back, "prev")!)));
    }

    [Fact]
    public async Task Viewing_and_exporting_the_log_are_audited_with_the_filter()
    {
        var admin = await App.CreateAdminAsync(ClassificationLevel.Secret);
        var client = await App.SignInAsync(admin);
        var marker = await App.LastAuditIdAsync();

        await client.GetStringAsync("/admin/audit?action=search&outcome=ok");
        var csv = await client.GetAsync("/admin/audit/csv?target=08TOKYO1001");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("id,at,user,action,outcome,label,withheld,target,query,detail,", await csv.Content.ReadAsStringAsync());

        var records = await App.AuditAfterAsync(marker);
        Assert.Contains(records, r => r is { Action: "admin.audit.view", Query: "action=search outcome=ok" } && r.UserName == admin.Name);
        Assert.Contains(records, r => r is { Action: "admin.audit.export", Query: "target=08TOKYO1001" } && r.UserName == admin.Name);
    }

    private async Task WriteAsync(string user, string action, string outcome, string target) =>
        await AuditLog.WriteAsync(App.Archive.Database.DataSource, new AuditEvent { UserName = user, Action = action, Outcome = outcome, Target = target });

    private static int Lines(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The target column of each record shown, in page order.</summary>
    private static List<string> Targets(string html) => AuditRow().Matches(html).Select(m => m.Groups[1].Value).ToList();

    private static string? Link(string html, string rel) =>
        Regex.Match(html, $"<a href=\"([^\"]+)\" rel=\"{rel}\">") is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;

    [GeneratedRegex("<tr class=\"audit-entry\">\\s*(?:<td[^>]*>[^<]*</td>\\s*){5}<td>([^<]*)</td>")]
    private static partial Regex AuditRow();
}
