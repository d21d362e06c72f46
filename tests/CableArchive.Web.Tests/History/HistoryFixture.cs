using CableArchive.Data.Accounts;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Admin;
using CableArchive.Tests.Web.Infrastructure;

namespace CableArchive.Tests.Web.History;

/// <summary>
/// An archive whose cables were imported twice, by two runs, with changed texts: 08TOKYO3001 changes a readable (U)
/// paragraph and its SECRET//NOFORN paragraph, 08TOKYO3002 only its SECRET//NOFORN paragraph, 08TOKYO3003 (for the
/// sensitive flag) a readable paragraph. Readers: a CONFIDENTIAL analyst, a TOP SECRET analyst, an archivist and an admin.
/// </summary>
public sealed class HistoryFixture : IAsyncLifetime
{
    /// <summary>Words that occur only in withheld (S//NF) portions, in either version.</summary>
    public static readonly string[] WithheldWords = ["sierrafirstsecret", "sierrasecondsecret", "tangofirstsecret", "tangosecondsecret"];

    /// <summary>The application.</summary>
    public ArchiveApp App { get; private set; } = null!;

    /// <summary>CONFIDENTIAL, no grants.</summary>
    public TestUser Analyst { get; private set; } = null!;

    /// <summary>TOP SECRET with NOFORN.</summary>
    public TestUser TopSecret { get; private set; } = null!;

    /// <summary>An archivist (not an admin), TOP SECRET with NOFORN.</summary>
    public TestUser Archivist { get; private set; } = null!;

    /// <summary>An admin, CONFIDENTIAL: sees withheld histories but reads no more than the clearance allows.</summary>
    public TestUser Admin { get; private set; } = null!;

    /// <summary>The cables of the first release.</summary>
    public static IReadOnlyList<(string FileName, string Text)> FirstRelease { get; } =
    [
        Cable(3001, "Original wording about the harbor visit.", "Bravo paragraph about sierrafirstsecret sources."),
        Cable(3002, "Unchanged wording about the trade fair.", "Bravo paragraph about tangofirstsecret sources."),
        Cable(3003, "Original wording about the port call.", "Bravo paragraph about the port."),
    ];

    /// <summary>The cables of the second release.</summary>
    public static IReadOnlyList<(string FileName, string Text)> SecondRelease { get; } =
    [
        Cable(3001, "Revised wording about the harbor visit.", "Bravo paragraph about sierrasecondsecret sources."),
        Cable(3002, "Unchanged wording about the trade fair.", "Bravo paragraph about tangosecondsecret sources."),
        Cable(3003, "Revised wording about the port call.", "Bravo paragraph about the port."),
    ];

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        App = await ArchiveApp.StartAsync();
        await App.ImportAsync(FirstRelease);
        var second = await App.ImportAsync(SecondRelease);
        Assert.Equal(3, second.NewVersions);
        Analyst = await App.CreateAnalystAsync(ClassificationLevel.Confidential);
        TopSecret = await App.CreateAnalystAsync(ClassificationLevel.TopSecret, "NOFORN");
        Archivist = await App.CreateUserAsync("archivist-history", ClassificationLevel.TopSecret, ["NOFORN"], [ArchiveRoles.Archivist]);
        Admin = await App.CreateAdminAsync(ClassificationLevel.Confidential);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    private static (string FileName, string Text) Cable(int serial, string readable, string withheld) =>
        TestCableText.Tokyo(serial, "SECRET", ["NOFORN"], new("(U)", "HARBOR AND TRADE"), [new("(U)", readable), new("(S//NF)", withheld), new("(C)", "Charlie paragraph that never changes.")]);
}
