using System.Text;
using CableArchive.Domain.Cables;

namespace CableArchive.Parsing.Identity;

/// <summary>
/// The origin of a cable as WikiLeaks labels it (<c>Embassy Tokyo</c>, <c>Consulate Rio De Janeiro</c>,
/// <c>Secretary of State</c>, <c>Mission USNATO</c>, <c>USEU Brussels</c>).
/// </summary>
/// <remarks>
/// The labels are those of the cables.csv origin column and of the WikiLeaks page tables (cable-format notes §1.2).
/// Learnt from the 303 pages of the corpus, whose table gives the label and whose header the FM line: a post's title
/// becomes a word (AMEMBASSY → Embassy, AMCONSUL → Consulate, USMISSION → Mission) and its place is title-cased;
/// a few offices have labels of their own (SECSTATE WASHDC → Secretary of State, USINT HAVANA → US Interests Section Havana).
/// </remarks>
public static class Origins
{
    /// <summary>Senders whose label is not "title + place": the whole PLAD, upper-cased with single spaces.</summary>
    private static readonly Dictionary<string, string> LabelBySender = new(StringComparer.Ordinal)
    {
        ["SECSTATE WASHDC"] = "Secretary of State",
        ["SECSTATE WASHINGTON DC"] = "Secretary of State",
        ["SECSTATE"] = "Secretary of State",
        ["USMISSION USNATO"] = "Mission USNATO",
        ["USNATO"] = "Mission USNATO",
        ["USMISSION USOSCE"] = "Mission USOSCE",
        ["USOSCE"] = "Mission USOSCE",
        ["USMISSION UNVIE VIENNA"] = "UNVIE",
        ["USMISSION UNVIE"] = "UNVIE",
        ["UNVIE VIENNA"] = "UNVIE",
        ["USMISSION USUN NEW YORK"] = "USUN New York",
        ["USUN NEW YORK"] = "USUN New York",
        ["USEU BRUSSELS"] = "USEU Brussels",
        ["USMISSION USEU BRUSSELS"] = "USEU Brussels",
        ["USMISSION UN ROME"] = "UN Rome",
        ["USMISSION UNESCO PARIS"] = "Mission UNESCO",
        ["USMISSION USUNESCO PARIS FR"] = "Mission UNESCO",
        ["USMISSION UNESCO PARIS FR"] = "Mission UNESCO",
        ["USMISSION CD GENEVA"] = "US Mission CD Geneva",
        ["USMISSION USTR GENEVA"] = "USMISSION USTR GENEVA",
        ["AIT TAIPEI"] = "American Institute Taiwan, Taipei",
        ["AMERICAN INSTITUTE TAIWAN TAIPEI"] = "American Institute Taiwan, Taipei",
        ["RPO DUBAI"] = "Iran RPO Dubai",
        ["IRAN RPO DUBAI"] = "Iran RPO Dubai",
        ["DIR FSINFATC"] = "DIR FSINFATC",
        ["USDEL FEST TWO"] = "US Delegation FEST TWO",
        ["USDEL SECRETARY"] = "US Delegation, Secretary",
        ["USOFFICE FSC CHARLESTON"] = "US OFFICE FSC CHARLESTON",
    };

    /// <summary>A sender's title (the first word of the PLAD) and the word the label puts before the place.</summary>
    private static readonly Dictionary<string, string> LabelByTitle = new(StringComparer.Ordinal)
    {
        ["AMEMBASSY"] = "Embassy",
        // §2.7: titles are sometimes typo'd (AMMBASSY NEW DELHI).
        ["AMMBASSY"] = "Embassy",
        ["AMEMBASY"] = "Embassy",
        ["EMBASSY"] = "Embassy",
        ["AMCONSUL"] = "Consulate",
        ["AMCONGEN"] = "Consulate",
        ["CONSULATE"] = "Consulate",
        ["USMISSION"] = "Mission",
        ["USINT"] = "US Interests Section",
        ["REO"] = "REO",
        ["USOFFICE"] = "US Office",
    };

    /// <summary>The origin from the FM addressee (<c>AMEMBASSY TOKYO</c> → <c>Embassy Tokyo</c>); null when unknown.</summary>
    public static string? FromSender(Addressee from)
    {
        ArgumentNullException.ThrowIfNull(from);
        var name = NormalizeSpaces(from.Name);
        if (name.Length == 0)
            return null;
        if (LabelBySender.TryGetValue(name, out var label))
            return label;

        var space = name.IndexOf(' ');
        if (space < 0 || !LabelByTitle.TryGetValue(name[..space], out var title))
            return null;
        var place = TitleCase(name.AsSpan(space + 1));
        return place.Length == 0 ? null : title + " " + place;
    }

    /// <summary>The origin from the banner's origin words (<c>TOKYO</c> → <c>Embassy Tokyo</c>, <c>STATE</c> → <c>Secretary of State</c>); null when unknown.</summary>
    public static string? FromOriginWords(string originWords)
    {
        if (string.IsNullOrWhiteSpace(originWords) || originWords.Length > 100)
            return null;

        // The banner names the station as the id does (§3.1, §6.3), so the station token finds the post.
        Span<char> letters = stackalloc char[originWords.Length];
        var length = 0;
        foreach (var c in originWords)
        {
            if (char.IsAsciiLetter(c))
                letters[length++] = c;
        }

        var station = Stations.Canonicalize(letters[..length]);
        return station is null ? null : Stations.LabelOf(station);
    }

    /// <summary>Upper-cases and collapses runs of white space, so that <c>AMEMBASSY  TEL AVIV</c> matches <c>AMEMBASSY TEL AVIV</c>.</summary>
    private static string NormalizeSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        var trimmed = text.AsSpan().Trim();
        foreach (var range in trimmed.SplitAny(" \t"))
        {
            var word = trimmed[range];
            if (word.IsEmpty)
                continue;
            if (builder.Length > 0)
                builder.Append(' ');
            foreach (var c in word)
                builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The place as the labels write it: each word capitalised (RIO DE JANEIRO → Rio De Janeiro), hyphens read as spaces
    /// (PORT-AU-PRINCE → Port Au Prince) and other punctuation dropped (N'DJAMENA → Ndjamena, ST. PETERSBURG → St Petersburg).
    /// </summary>
    private static string TitleCase(ReadOnlySpan<char> place)
    {
        var builder = new StringBuilder(place.Length);
        var startOfWord = true;
        foreach (var c in place)
        {
            if (c is ' ' or '-')
            {
                startOfWord = true;
                continue;
            }

            if (!char.IsLetterOrDigit(c))
                continue;
            if (startOfWord && builder.Length > 0)
                builder.Append(' ');
            builder.Append(startOfWord ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            startOfWord = false;
        }

        return builder.ToString();
    }
}
