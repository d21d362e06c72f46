using System.Text;

namespace CableArchive.Data.Search;

/// <summary>
/// The index of adjacent lexeme pairs that lets a phrase fetch only the portions holding its words side by side
/// (docs/decisions/search-phrase-pairs.md). The full-text index holds no positions, so <c>"said rashid"</c> otherwise
/// fetches and rechecks every portion holding both words anywhere.
/// </summary>
/// <remarks>
/// <para>
/// Each searchable paragraph has a row in <c>paragraph_pairs</c> whose vector lists, as lexemes <c>'a b'</c>, every lexeme
/// <c>a</c> of its <c>search_vector</c> directly followed by a lexeme <c>b</c> (the SQL function <c>phrase_pairs</c>, in
/// the migration that made the table). A search derives from PostgreSQL's own text of its <c>tsquery</c> the pairs any
/// matching portion must hold (<see cref="QueryFor"/>): a portion that matches the query holds them, so the pairs only
/// narrow which portions are fetched, and <c>@@</c> on the portion's own vector still decides every match.
/// </para>
/// <para>
/// Two limits keep the function from failing on odd text, and the query side applies the same ones: a pair of more than
/// <see cref="MaxPairBytes"/> bytes is neither listed nor asked for, and a paragraph whose pairs would not fit in one
/// vector lists only <see cref="AnyPair"/>, which every pairs query accepts.
/// </para>
/// </remarks>
public static class PhrasePairs
{
    /// <summary>The longest pair listed or asked for, in UTF-8 bytes with its space (a lexeme may hold 2,047).</summary>
    public const int MaxPairBytes = 1000;

    /// <summary>The lexeme of a paragraph whose pairs are too many for one vector: a candidate for every phrase.</summary>
    public const string AnyPair = "*";

    /// <summary><see cref="AnyPair"/> as a <c>tsquery</c> in SQL.</summary>
    public const string AnyPairSql = $"'''{AnyPair}'''::tsquery";

    /// <summary>
    /// The pairs query of a <c>tsquery</c> in PostgreSQL's text form (<c>websearch_to_tsquery(…)::text</c>), to be cast
    /// to <c>tsquery</c> and matched, or'd with <see cref="AnyPairSql"/>, against <c>paragraph_pairs.pairs</c>; null when
    /// the query asks for no pair (no phrase, or only phrases whose words are not plain lexemes side by side), and then
    /// the pairs cannot help.
    /// </summary>
    /// <remarks>
    /// Every portion that matches the query matches the pairs query (the rules are in <see cref="Required"/>). Text that does
    /// not parse as a <c>tsquery</c> asks for nothing.
    /// </remarks>
    public static string? QueryFor(string tsquery)
    {
        var parser = new Parser(tsquery);
        var root = parser.ParseQuery();
        if (root is null || Required(root) is not { } need)
            return null;
        var text = new StringBuilder();
        need.WriteTo(text);
        return text.ToString();
    }

    /// <summary>
    /// The pairs a portion matching <paramref name="node"/> must hold; null when nothing can be asked for.
    /// A lexeme and a negation ask for nothing; <c>&amp;</c> asks for what either side asks for; <c>|</c> asks for one
    /// side's pairs or the other's, and for nothing when either side asks for nothing. A phrase asks for what both its
    /// operands ask for (both must match somewhere), and, when it is <c>&lt;-&gt;</c> between two chains of plain lexemes,
    /// for the pair of the left chain's last lexeme and the right chain's first: PostgreSQL places the right operand of
    /// <c>&lt;N&gt;</c> N positions after the end of the left one.
    /// </summary>
    private static Need? Required(Node node) => node switch
    {
        Lexeme or Not => null,
        And and => Both(Required(and.Left), Required(and.Right)),
        Or or => Required(or.Left) is { } left && Required(or.Right) is { } right ? new Need.Joined(left, '|', right) : null,
        Phrase phrase => Both(Both(Required(phrase.Left), Required(phrase.Right)), Junction(phrase)),
        _ => null,
    };

    private static Need? Junction(Phrase phrase)
    {
        if (phrase.Distance != 1 || !IsChain(phrase.Left) || !IsChain(phrase.Right)
            || Last(phrase.Left) is not { Plain: true } last || First(phrase.Right) is not { Plain: true } first)
            return null;
        var pair = last.Text + " " + first.Text;
        return Encoding.UTF8.GetByteCount(pair) <= MaxPairBytes ? new Need.Pair(pair) : null;
    }

    /// <summary>Whether <paramref name="node"/> is lexemes joined by phrase operators only, so its lexemes have fixed places.</summary>
    private static bool IsChain(Node node) => node is Lexeme || node is Phrase phrase && IsChain(phrase.Left) && IsChain(phrase.Right);

    private static Lexeme Last(Node chain) => chain as Lexeme ?? Last(((Phrase)chain).Right);

    private static Lexeme First(Node chain) => chain as Lexeme ?? First(((Phrase)chain).Left);

    private static Need? Both(Need? left, Need? right) => left is null ? right : right is null ? left : new Need.Joined(left, '&', right);

    /// <summary>Writes a lexeme quoted as <c>tsquery</c> input reads it.</summary>
    private static void Quote(StringBuilder text, string lexeme)
    {
        text.Append('\'');
        foreach (var c in lexeme)
        {
            if (c is '\'' or '\\')
                text.Append(c);
            text.Append(c);
        }

        text.Append('\'');
    }

    private abstract record Node;

    /// <summary>A lexeme; not plain when it carries a prefix mark or weights (<c>'a':*</c>, <c>'a':AB</c>).</summary>
    private sealed record Lexeme(string Text, bool Plain) : Node;

    private sealed record Not(Node Operand) : Node;

    private sealed record And(Node Left, Node Right) : Node;

    private sealed record Or(Node Left, Node Right) : Node;

    private sealed record Phrase(Node Left, int Distance, Node Right) : Node;

    /// <summary>What a portion must hold: one pair, or two needs joined by <c>&amp;</c> or <c>|</c>.</summary>
    private abstract record Need
    {
        public abstract void WriteTo(StringBuilder text);

        public sealed record Pair(string Lexeme) : Need
        {
            public override void WriteTo(StringBuilder text) => Quote(text, Lexeme);
        }

        public sealed record Joined(Need Left, char Operator, Need Right) : Need
        {
            public override void WriteTo(StringBuilder text)
            {
                text.Append("( ");
                Left.WriteTo(text);
                text.Append(' ').Append(Operator).Append(' ');
                Right.WriteTo(text);
                text.Append(" )");
            }
        }
    }

    /// <summary>
    /// Reads PostgreSQL's text form of a <c>tsquery</c>: quoted lexemes (<c>''</c> and <c>\</c> escape), optionally
    /// followed by <c>:</c> and weights or <c>*</c>, and the operators by precedence, loosest first: <c>|</c>, <c>&amp;</c>,
    /// <c>&lt;-&gt;</c> and <c>&lt;N&gt;</c> (left-associative), <c>!</c>; parentheses group.
    /// </summary>
    private ref struct Parser(string text)
    {
        private readonly string text = text;
        private int position;

        /// <summary>The whole query, or null when it is empty or does not parse.</summary>
        public Node? ParseQuery()
        {
            var node = ParseOr();
            SkipSpaces();
            return position == text.Length ? node : null;
        }

        private Node? ParseOr()
        {
            var left = ParseAnd();
            while (left is not null && Take('|'))
                left = ParseAnd() is { } right ? new Or(left, right) : null;
            return left;
        }

        private Node? ParseAnd()
        {
            var left = ParsePhrase();
            while (left is not null && Take('&'))
                left = ParsePhrase() is { } right ? new And(left, right) : null;
            return left;
        }

        private Node? ParsePhrase()
        {
            var left = ParseUnary();
            while (left is not null && TakeDistance() is { } distance)
                left = ParseUnary() is { } right ? new Phrase(left, distance, right) : null;
            return left;
        }

        private Node? ParseUnary()
        {
            if (Take('!'))
                return ParseUnary() is { } operand ? new Not(operand) : null;
            if (Take('('))
            {
                var inner = ParseOr();
                return inner is not null && Take(')') ? inner : null;
            }

            return ParseLexeme();
        }

        private Node? ParseLexeme()
        {
            if (!Take('\''))
                return null;
            var lexeme = new StringBuilder();
            while (position < text.Length)
            {
                var c = text[position++];
                if (c == '\\' && position < text.Length)
                {
                    lexeme.Append(text[position++]);
                }
                else if (c == '\'')
                {
                    if (position < text.Length && text[position] == '\'')
                    {
                        lexeme.Append('\'');
                        position++;
                    }
                    else
                    {
                        var plain = true;
                        if (position < text.Length && text[position] == ':')
                        {
                            plain = false;
                            position++;
                            while (position < text.Length && (text[position] == '*' || char.IsAsciiLetter(text[position])))
                                position++;
                        }

                        return lexeme.Length > 0 ? new Lexeme(lexeme.ToString(), plain) : null;
                    }
                }
                else
                {
                    lexeme.Append(c);
                }
            }

            return null;
        }

        /// <summary>Takes <c>&lt;-&gt;</c> (distance 1) or <c>&lt;N&gt;</c>; null when neither comes next.</summary>
        private int? TakeDistance()
        {
            SkipSpaces();
            if (position >= text.Length || text[position] != '<')
                return null;
            var close = text.IndexOf('>', position);
            if (close < 0)
                return null;
            var inside = text.AsSpan(position + 1, close - position - 1);
            int? distance = inside is "-" ? 1 : int.TryParse(inside, out var n) && n >= 0 ? n : null;
            if (distance is not null)
                position = close + 1;
            return distance;
        }

        private bool Take(char c)
        {
            SkipSpaces();
            if (position < text.Length && text[position] == c)
            {
                position++;
                return true;
            }

            return false;
        }

        private void SkipSpaces()
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
                position++;
        }
    }
}
