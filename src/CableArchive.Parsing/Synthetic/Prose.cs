using System.Globalization;
using System.Text;

namespace CableArchive.Parsing.Synthetic;

/// <summary>
/// Writes the running text of a cable from <see cref="Vocabulary"/> and <see cref="Lexicon"/>: sentences about officials,
/// governments and issues, in mixed case or in the ALL CAPS of older cables (cable-format notes §8.6), with source
/// redactions in place of some names (§10). A cable keeps coming back to a few topics of its own, as real ones do, so
/// that its rarer words and word pairs recur within it.
/// </summary>
internal sealed class Prose
{
    /// <summary>The redaction token WikiLeaks wrote most often: twelve X (§10).</summary>
    public const string RedactionToken = "XXXXXXXXXXXX";

    private readonly Random random;
    private readonly Post post;
    private readonly double redactionRate;
    private readonly string[] themes;

    /// <param name="random">The cable's random source.</param>
    /// <param name="post">The sending post; its country is what the text talks about.</param>
    /// <param name="capitals">Whether the text is in ALL CAPS.</param>
    /// <param name="redactionRate">The chance that a person's name is replaced by a redaction token.</param>
    public Prose(Random random, Post post, bool capitals, double redactionRate)
    {
        this.random = random;
        this.post = post;
        Capitals = capitals;
        this.redactionRate = redactionRate;
        themes = [Topic(), Topic(), Topic()];
    }

    /// <summary>Whether the text is in ALL CAPS.</summary>
    public bool Capitals { get; }

    /// <summary>How many redaction tokens the text written so far holds.</summary>
    public int Redactions { get; private set; }

    /// <summary>A few sentences, joined by single spaces.</summary>
    public string Sentences(int count)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                builder.Append(' ');
            builder.Append(Sentence());
        }

        return builder.ToString();
    }

    /// <summary>One sentence ending in a period, never in a number (a number and a period at the start of a wrapped line would read as a paragraph number, §8.1).</summary>
    public string Sentence()
    {
        var sentence = random.Next(10) switch
        {
            0 or 1 => Pick(Vocabulary.Openers) + Clause() + ".",
            2 => Clause() + Pick(Vocabulary.Connectives) + Clause() + ".",
            3 => $"{Person()} told {Pick(Vocabulary.OfficerTitles)} that {Clause()}.",
            4 => $"{Person()} described {Object()} as {Pick(Vocabulary.Quotes)} and said {Clause()}.",
            5 => $"{Pick(Vocabulary.Bodies)} set aside {random.Next(2, 900)} million dollars for {Object()}, {NumberTail()}.",
            6 => Acronym(),
            7 => $"According to {Person()}, {Clause()}.",
            8 => $"{Person()} said that {post.Country} would not accept {Object()} before {Pick(Vocabulary.MonthNames)} {random.Next(1, 29)}, {Clause()}.",
            _ => Clause() + ".",
        };

        sentence = char.ToUpperInvariant(sentence[0]) + sentence[1..];
        return Capitals ? sentence.ToUpperInvariant() : sentence;
    }

    /// <summary>A SUBJECT line's text (ALL CAPS, as nearly every subject is, §6.1).</summary>
    public string SubjectText()
    {
        var pattern = Pick(Vocabulary.SubjectPatterns);
        var topic = Pick(Vocabulary.SubjectTopics);
        var other = Pick(Vocabulary.SubjectTopics);
        // A redaction is counted only where the pattern writes the name.
        var surname = !pattern.Contains("{2}", StringComparison.Ordinal) ? ""
            : random.NextDouble() < redactionRate / 4 ? Redacted() : Pick(Vocabulary.Surnames).ToUpperInvariant();
        var country = post.Kind is PostKind.State or PostKind.Mission ? Pick(Posts.All.Where(p => p.Kind == PostKind.Embassy).ToArray()).Country : post.Country;
        var text = string.Format(CultureInfo.InvariantCulture, pattern, StripArticle(country).ToUpperInvariant(), topic, surname, other);
        return text.ToUpperInvariant();
    }

    /// <summary>A person of the host government, or a redaction token in a redacted cable.</summary>
    public string Person()
    {
        if (random.NextDouble() < redactionRate)
            return Redacted();

        var surname = random.Next(4) == 0 ? Pick(Vocabulary.Surnames) : Lexicon.Surname(random);
        return random.Next(3) switch
        {
            0 => $"{Pick(Vocabulary.HostTitles)} {Pick(Vocabulary.GivenNames)} {surname}",
            1 => $"{Pick(Vocabulary.HostTitles)} {surname}",
            _ => $"{Pick(Vocabulary.GivenNames)} {surname}",
        };
    }

    /// <summary>One of the items, uniformly.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private string Clause()
    {
        var subject = random.Next(3) switch
        {
            0 => Person(),
            1 => Pick(Vocabulary.Bodies),
            _ => Pick(Vocabulary.OfficerTitles),
        };
        return $"{subject} {Pick(Vocabulary.Verbs)} {Object()}{Pick(Vocabulary.Modifiers)}";
    }

    // Half the objects are the cable's own topics or a new one ("the Kelomar pipeline dispute"), half the common ones.
    private string Object() => random.Next(4) switch
    {
        0 => Pick(themes),
        1 => Topic(),
        _ => Pick(Vocabulary.Objects),
    };

    private string Topic()
    {
        var first = Lexicon.ContentWord(random);
        var words = random.Next(3) == 0 ? $"{first} {Lexicon.ContentWord(random)}" : first;
        return $"the {words} {Pick(Vocabulary.TopicNouns)}";
    }

    private string NumberTail() => random.Next(3) switch
    {
        0 => $"up {random.Next(2, 60)} percent on last year",
        1 => $"roughly a third of what {Pick(Vocabulary.Bodies)} had requested",
        _ => "far less than donors expected",
    };

    private string Acronym()
    {
        var (expansion, acronym) = Pick(Vocabulary.Acronyms);
        return $"{Person()} said the {expansion} ({acronym}) {Pick(Vocabulary.Verbs)} {Object()}{Pick(Vocabulary.Modifiers)}.";
    }

    private string Redacted()
    {
        Redactions++;

        // §10: runs of 12 are the norm; 11 and 13 occur too.
        return random.Next(10) switch
        {
            0 => "XXXXXXXXXXX",
            1 => "XXXXXXXXXXXXX",
            _ => RedactionToken,
        };
    }

    private static string StripArticle(string country) => country.StartsWith("the ", StringComparison.Ordinal) ? country[4..] : country;
}
