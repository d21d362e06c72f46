using CableArchive.Domain.Classification;

namespace CableArchive.Tests.Web.Infrastructure;

/// <summary>
/// An application with a few hand-written cables of mixed portion marks and four readers:
/// UNCLASSIFIED, CONFIDENTIAL, SECRET//NOFORN and TOP SECRET with every grant.
/// </summary>
/// <remarks>
/// 08TOKYO1001 (SECRET, NOFORN caption): subject (C); ¶1 (C) alpha; ¶2 (S//NF) bravo with the term zulusecretterm;
/// ¶3 (U) charlie with a source redaction; ¶4 unmarked delta (takes the banner, SECRET//NOFORN); ¶5 (C) a script payload.
/// It cites 08TOKYO1002 (CONFIDENTIAL, all readable by a CONFIDENTIAL reader). 08TOKYO1003 is SECRET//NOFORN
/// throughout (withdrawn for a CONFIDENTIAL reader). 08TOKYO1004 has an unreadable mark (S//QX) on ¶2.
/// </remarks>
public sealed class ReadingFixture : IAsyncLifetime
{
    /// <summary>A term that occurs only in ¶2 of 08TOKYO1001, which is SECRET//NOFORN.</summary>
    public const string SecretTerm = "zulusecretterm";

    /// <summary>The script payload in ¶5 of 08TOKYO1001.</summary>
    public const string Payload = "<script>alert('owned')</script><img src=x onerror=alert(1)>";

    /// <summary>The application.</summary>
    public ArchiveApp App { get; private set; } = null!;

    /// <summary>UNCLASSIFIED, no grants.</summary>
    public TestUser Unclassified { get; private set; } = null!;

    /// <summary>CONFIDENTIAL, no grants.</summary>
    public TestUser Confidential { get; private set; } = null!;

    /// <summary>SECRET with NOFORN.</summary>
    public TestUser SecretNoForn { get; private set; } = null!;

    /// <summary>TOP SECRET with every grantable caveat.</summary>
    public TestUser TopSecret { get; private set; } = null!;

    /// <summary>The cables, as written.</summary>
    public static IReadOnlyList<(string FileName, string Text)> Cables { get; } =
    [
        TestCableText.Tokyo(1001, "SECRET", ["NOFORN"], new("(C)", "JAPAN CABINET RESHUFFLE AFTER THE ELECTION"),
        [
            new("(C)", "Alpha paragraph about the new cabinet and its ministers."),
            new("(S//NF)", $"Bravo paragraph with the {SecretTerm} and sensitive sourcing from the cabinet."),
            new("(U)", "Charlie paragraph: the press reported that XXXXXXXXXXXX met the minister."),
            new(null, "Delta paragraph without a mark, about the cabinet schedule."),
            new("(C)", $"Echo paragraph quoting a web page: {Payload} end of quote."),
        ], references: [1002]),
        TestCableText.Tokyo(1002, "CONFIDENTIAL", [], new("(U)", "TRADE TALKS RESUME"),
        [
            new("(C)", "Foxtrot paragraph on the trade talks and the cabinet position."),
            new("(U)", "Golf paragraph on the schedule of the trade talks."),
        ]),
        TestCableText.Tokyo(1003, "SECRET", ["NOFORN"], new("(S//NF)", "HOTEL SUBJECT ABOUT THE CABINET"),
        [
            new("(S//NF)", "Hotel paragraph one on the cabinet."),
            new("(S//NF)", "India paragraph two on the cabinet."),
        ]),
        TestCableText.Tokyo(1004, "SECRET", [], new("(U)", "UNREADABLE MARK TEST"),
        [
            new("(U)", "Juliet paragraph that anyone may read."),
            new("(S//QX)", "Kilo paragraph with an unreadable mark about the cabinet."),
        ]),
    ];

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        App = await ArchiveApp.StartAsync();
        var summary = await App.ImportAsync(Cables);
        Assert.Equal(Cables.Count, summary.NewCables);
        Unclassified = await App.CreateUserAsync("reader-u", ClassificationLevel.Unclassified);
        Confidential = await App.CreateUserAsync("reader-c", ClassificationLevel.Confidential);
        SecretNoForn = await App.CreateUserAsync("reader-s-nf", ClassificationLevel.Secret, ["NOFORN"]);
        TopSecret = await App.CreateUserAsync("reader-ts", ClassificationLevel.TopSecret, ["NOFORN", "ORCON", "EXDIS", "NODIS", "LIMDIS", "STADIS", "PROPIN"]);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
