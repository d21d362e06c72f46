using System.Net;
using System.Text.RegularExpressions;
using CableArchive.Data.Accounts;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Infrastructure;

namespace CableArchive.Tests.Web.Admin;

/// <summary>The read-rule page states what the Domain enforces: its caveat lists and the treatment of unmarked portions.</summary>
public sealed class ReadRulePageTests(ReadingFixture fixture) : IClassFixture<ReadingFixture>
{
    [Fact]
    public async Task The_page_lists_every_grantable_and_every_non_restrictive_caveat_the_domain_knows()
    {
        var html = await PageAsync(ClassificationLevel.Secret, "NOFORN");
        Assert.Contains("<strong class=\"your-clearance\">SECRET + NOFORN</strong>", html);
        foreach (var code in AccountClearance.Grantable)
            Assert.Contains($"<tr class=\"restrictive\"><td class=\"code\">{code}</td><td>yes</td><td>yes</td>", html);
        foreach (var code in Caveat.NonRestrictiveCodes)
            Assert.Contains($"<tr class=\"not-restrictive\"><td class=\"code\">{code}</td><td>no</td><td>no</td>", html);
        Assert.Contains("<tr class=\"restrictive\"><td class=\"code\">UNKNOWN</td><td>yes</td><td>no</td>", html);
        Assert.Contains("<tr class=\"restrictive\"><td class=\"code\">any other code</td><td>yes</td><td>no</td>", html);
        foreach (var level in ClassificationLevels.All)
            Assert.Contains($"<td>{level.ToLabel()}</td><td>({level.ToPortionCode()})</td>", html);
    }

    [Fact]
    public async Task The_examples_apply_the_read_rule_to_the_admins_own_clearance()
    {
        var secret = await PageAsync(ClassificationLevel.Secret, "NOFORN");
        var confidential = await PageAsync(ClassificationLevel.Confidential);
        const string Unmarked = "<td>An unmarked portion</td><td>SECRET//NOFORN</td><td>SECRET//NOFORN</td>";
        const string Unreadable = "<td>A portion whose mark cannot be read: (S//QX)</td><td>SECRET//NOFORN</td><td>SECRET//NOFORN</td>";
        Assert.Contains(Unmarked + "<td>yes</td>", secret);
        Assert.Contains(Unreadable + "<td>yes</td>", secret);
        Assert.Contains(Unmarked + "<td>no</td>", confidential);
        Assert.Contains("<td>cannot be read</td><td>TOP SECRET//UNKNOWN</td><td>no</td>", secret);
    }

    // The page decoded, with the blanks between tags removed, so that rows can be compared as text.
    private async Task<string> PageAsync(ClassificationLevel level, params string[] grants)
    {
        var admin = await fixture.App.SignInAsync(await fixture.App.CreateAdminAsync(level, grants));
        return Regex.Replace(WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/read-rule")), ">\\s+<", "><");
    }
}
