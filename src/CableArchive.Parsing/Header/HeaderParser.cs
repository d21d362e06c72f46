using System.Buffers;
using CableArchive.Domain;
using CableArchive.Domain.Cables;
using CableArchive.Parsing.Containers;

namespace CableArchive.Parsing.Header;

/// <summary>What the header parser found.</summary>
/// <param name="Header">The routing header, or null when the span holds none.</param>
/// <param name="Partial">Whether the record is a partial extract (cable-format notes §2.1.3).</param>
internal sealed record HeaderParseResult(RoutingHeader? Header, bool Partial);

/// <summary>Reads the routing header FL1–FL8 (cable-format notes §2).</summary>
/// <remarks>
/// The header is read line by line. Before FM each line is offered to the recognisers of FL1–FL5 and of the old
/// printout of partial records; each is optional, since ACP-126 headers start at the DTG (§2.1.2) and partial records
/// at a banner (§2.1.3). From FM on, lines are addressees of the section the last keyword opened (FM, TO, INFO).
/// </remarks>
internal static class HeaderParser
{
    public static HeaderParseResult Parse(ParseContext context, TextSpan headerSpan)
    {
        var start = Math.Clamp(headerSpan.Start, 0, context.Text.Length);
        var end = Math.Clamp(headerSpan.End, start, context.Text.Length);
        var reader = new Reader(context, TextSpan.FromBounds(start, end));
        return reader.Read();
    }

    /// <summary>
    /// Whether a line is one of the routing header's own (FL1–FL8 or the partial-record notice), so that the container
    /// readers can tell the header from the body where no banner separates them (§2.1).
    /// </summary>
    public static bool IsRoutingLine(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        return line.StartsWith("VZCZC", StringComparison.Ordinal)
            || line.StartsWith("This record is a partial extract", StringComparison.OrdinalIgnoreCase)
            || Reader.IsProsignLine(line)
            || (Reader.StartsWithWord(line, "DE") && line.Contains('#')) || Reader.StartsWithWord(line, "ZNY") || Reader.StartsWithWord(line, "ZNR")
            || Reader.StartsWithWord(line, "FM") || Reader.StartsWithWord(line, "TO") || Reader.StartsWithWord(line, "INFO")
            || DateTimeGroups.TryReadPrecedenceLine(line, out _);
    }

    /// <summary>Which part of the header the reader is in.</summary>
    private enum Part
    {
        /// <summary>FL1–FL5 and the old printout, before FM.</summary>
        Preamble,

        /// <summary>After FM.</summary>
        From,

        /// <summary>Action addressees.</summary>
        To,

        /// <summary>Information addressees.</summary>
        Info,

        /// <summary>Past the addresses (body text found in the header).</summary>
        Done,
    }

    /// <summary>The state of reading one header.</summary>
    private sealed class Reader(ParseContext context, TextSpan span)
    {
        private const int MaxUnrecognisedReports = 5;

        private static readonly SearchValues<char> Blanks = SearchValues.Create(" \t");

        private static readonly SearchValues<char> UpperLetters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ");

        private static readonly SearchValues<char> UpperLettersAndDigits = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

        /// <summary>§2.5: the classification letters of the security group, and the release codes that can end it.</summary>
        private static readonly SearchValues<char> SecurityLetters = SearchValues.Create("UECST");

        private static readonly SearchValues<char> SecurityOrReleaseLetters = SearchValues.Create("UECSTABOX");

        /// <summary>Words after which a name cannot end: a name that ends with one goes on on the next line (§2.7).</summary>
        private static readonly string[] JoiningWords = ["AND", "OF", "THE", "FOR", "TO", "&"];

        /// <summary>Words that only end names: a line that starts with one finishes the name above (§2.7).</summary>
        private static readonly string[] NameEndingWords = ["COLLECTIVE", "COLLECTIVES", "POSTS", "WASHDC", "WASHINGTON", "DC"];

        /// <summary>Line starts that belong to the body; when the header holds them the addresses are over (§12, partial records).</summary>
        private static readonly string[] BodyKeywords = ["TAGS", "SUBJECT", "SUBJ:", "E.O.", "EO 1", "REF:", "REFS:", "CLASSIFIED BY", "SIPDIS"];

        private readonly string text = context.Text;
        private readonly List<string> routingIndicators = [];
        private readonly List<string> operatingSignals = [];
        private readonly List<Addressee> to = [];
        private readonly List<Addressee> info = [];

        private Part part = Part.Preamble;
        private bool blankInAddresses;
        private bool partial;
        private bool recognisedAny;
        private bool afterProsignLine;
        private bool inOfficeDistribution;
        private bool inExclusions;
        private int unrecognisedReports;

        private string? transmissionId;
        private string? prosign;
        private string? originatorRoutingIndicator;
        private string? stationSerial;
        private int? section;
        private string? julianTime;
        private string? securityGroup;
        private string? precedence;
        private string? dateTimeGroup;
        private DateTime? dateTime;
        private Addressee? from;

        public HeaderParseResult Read()
        {
            for (var lineStart = span.Start; lineStart < span.End;)
            {
                var newline = text.AsSpan(lineStart, span.End - lineStart).IndexOf('\n');
                var lineEnd = newline < 0 ? span.End : lineStart + newline;
                ReadLine(lineStart, lineEnd);
                lineStart = lineEnd + 1;
            }

            if (!recognisedAny)
                return new HeaderParseResult(null, partial);

            var header = new RoutingHeader
            {
                TransmissionId = transmissionId,
                PrecedenceProsign = prosign,
                RoutingIndicators = routingIndicators,
                OriginatorRoutingIndicator = originatorRoutingIndicator,
                StationSerial = stationSerial,
                Section = section,
                JulianTime = julianTime,
                SecurityGroup = securityGroup,
                OperatingSignals = operatingSignals,
                Precedence = precedence,
                DateTimeGroup = dateTimeGroup,
                DateTime = dateTime,
                From = from,
                To = to,
                Info = info,
                Span = span,
            };
            return new HeaderParseResult(header, partial);
        }

        private void ReadLine(int lineStart, int lineEnd)
        {
            var raw = text.AsSpan(lineStart, lineEnd - lineStart);
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                // §2.1: a blank line can follow FL2.
                blankInAddresses = part is not (Part.Preamble or Part.Done);
                return;
            }

            var offset = lineStart + (raw.Length - raw.TrimStart().Length);

            if (part == Part.Preamble)
                ReadPreambleLine(line, offset);
            else if (part != Part.Done)
                ReadAddressLine(line, offset);
        }

        private void ReadPreambleLine(ReadOnlySpan<char> line, int offset)
        {
            var wasProsignLine = afterProsignLine;
            afterProsignLine = false;

            if (TryReadSectionKeyword(line, offset))
                return;

            // §2.1.3: partial records start with this notice.
            if (line.StartsWith("This record is a partial extract", StringComparison.OrdinalIgnoreCase))
            {
                partial = true;
                return;
            }

            // §2.1.3: the office distribution of the old printout (ACTION/ORIGIN/INFO LOG-00 …) runs over indented lines.
            if (inOfficeDistribution && IsOfficeDistributionContinuation(line))
                return;
            inOfficeDistribution = false;

            if (line.StartsWith("VZCZC", StringComparison.Ordinal))
            {
                // §2.2 FL1: the transmission identifier.
                transmissionId = new string(FirstWord(line));
                recognisedAny = true;
            }
            else if (TryReadProsignLine(line) || (wasProsignLine && TryReadRoutingIndicatorContinuation(line)))
            {
                afterProsignLine = true;
                recognisedAny = true;
            }
            else if (StartsWithWord(line, "DE"))
            {
                ReadOriginatorLine(line, offset);
            }
            else if (StartsWithWord(line, "ZNY") || StartsWithWord(line, "ZNR"))
            {
                ReadSecurityLine(line);
            }
            else if (DateTimeGroups.TryReadPrecedenceLine(line, out var precedenceLine))
            {
                ReadPrecedenceLine(line, offset, precedenceLine);
            }
            else if (IsOfficeDistributionStart(line))
            {
                inOfficeDistribution = true;
            }
            else if (AddresseeParser.TryReadPageHeader(line, out _) || line.StartsWith("---", StringComparison.Ordinal)
                || BannerLine.MatchClassificationWord(line, out _, out _) > 0)
            {
                // §2.1.3, §3.4: the old printout's centred classification, PAGE header and rule line carry no routing.
            }
            else
            {
                ReportUnrecognised(line, offset);
            }
        }

        private void ReadAddressLine(ReadOnlySpan<char> line, int offset)
        {
            if (TryReadSectionKeyword(line, offset))
                return;

            if (StartsWithWord(line, "XMT") || line.StartsWith("XMT/", StringComparison.Ordinal))
            {
                // §2.7: XMT excludes members of the collective above; the lines after it in the section are exclusions too.
                inExclusions = true;
                ReadExclusion(line[3..].TrimStart('/'), offset + 3);
                return;
            }

            if (IsBodyText(line))
            {
                part = Part.Done;
                context.Report(DiagnosticSeverity.Info, offset, "Body text (TAGS, SUBJECT …) found in the routing header; the addresses end before it.");
                return;
            }

            if (part == Part.From)
            {
                ReportUnrecognised(line, offset);
                return;
            }

            if (inExclusions)
                ReadExclusion(line, offset);
            else
                ReadAddressee(line, offset);
        }

        /// <summary>FM, TO and INFO open the address sections (§2.7); an INFO that lists offices is the old printout's distribution.</summary>
        private bool TryReadSectionKeyword(ReadOnlySpan<char> line, int offset)
        {
            if (StartsWithWord(line, "FM"))
            {
                part = Part.From;
                inExclusions = false;
                var rest = line[2..];
                from = AddresseeParser.Parse(context, rest, offset + 2);
                recognisedAny = true;
                if (from is null)
                    context.Report(DiagnosticSeverity.Warning, offset, "The FM line names no sender.");
                return true;
            }

            if (StartsWithWord(line, "TO"))
            {
                part = Part.To;
                inExclusions = false;
                blankInAddresses = false;
                recognisedAny = true;
                ReadAddressee(line[2..], offset + 2);
                return true;
            }

            if (StartsWithWord(line, "INFO") && !IsOfficeDistributionStart(line))
            {
                part = Part.Info;
                inExclusions = false;
                blankInAddresses = false;
                recognisedAny = true;
                ReadAddressee(line[4..], offset + 4);
                return true;
            }

            if (part != Part.Preamble && IsOfficeDistributionStart(line))
            {
                // The distribution block sometimes follows the addresses (§2.1.3); it is not an address list.
                part = Part.Done;
                return true;
            }

            return false;
        }

        /// <summary>§2.3 FL2: a doubled precedence letter and the routing indicators of the stations served.</summary>
        public static bool IsProsignLine(ReadOnlySpan<char> line)
        {
            var first = FirstWord(line);
            return first.Length == 2 && first[0] == first[1] && first[0] is 'Z' or 'O' or 'P' or 'R' && AreRoutingIndicators(line[2..]);
        }

        private bool TryReadProsignLine(ReadOnlySpan<char> line)
        {
            if (!IsProsignLine(line))
                return false;
            prosign = new string(line[..2]);
            AddRoutingIndicators(line[2..]);
            return true;
        }

        /// <summary>§2.1: FL2 can wrap onto several lines of routing indicators.</summary>
        private bool TryReadRoutingIndicatorContinuation(ReadOnlySpan<char> line)
        {
            if (!AreRoutingIndicators(line) || line.IsEmpty)
                return false;
            AddRoutingIndicators(line);
            return true;
        }

        /// <summary>§2.4 FL3: <c>DE RUEHKO #2577/01 2620817</c>, originator, station serial, section and Julian time.</summary>
        private void ReadOriginatorLine(ReadOnlySpan<char> line, int offset)
        {
            recognisedAny = true;
            var rest = line[2..].TrimStart();
            var routingIndicator = FirstWord(rest);
            if (!routingIndicator.IsEmpty)
                originatorRoutingIndicator = new string(routingIndicator);
            rest = rest[routingIndicator.Length..].TrimStart();

            if (!rest.StartsWith('#'))
            {
                context.Report(DiagnosticSeverity.Info, offset, "The DE line has no station serial (#nnnn).");
                return;
            }

            rest = rest[1..];
            var serialLength = DigitCount(rest);
            if (serialLength > 0)
                stationSerial = new string(rest[..serialLength]);
            rest = rest[serialLength..];

            if (rest.StartsWith('/'))
            {
                var sectionLength = DigitCount(rest[1..]);
                if (sectionLength is > 0 and <= 3)
                    section = int.Parse(rest.Slice(1, sectionLength), provider: System.Globalization.CultureInfo.InvariantCulture);
                rest = rest[(1 + sectionLength)..];
            }

            var julian = FirstWord(rest.TrimStart());
            if (julian.Length is >= 3 and <= 7 && DigitCount(julian) == julian.Length)
                julianTime = new string(julian);
        }

        /// <summary>§2.5 FL4: <c>ZNY SSSSS ZZH</c>, the security group and the operating signals.</summary>
        private void ReadSecurityLine(ReadOnlySpan<char> line)
        {
            recognisedAny = true;
            foreach (var range in line.SplitAny(Blanks))
            {
                var word = line[range];
                if (word.IsEmpty)
                    continue;
                if (securityGroup is null && IsSecurityGroup(word))
                    securityGroup = new string(word);
                else if (word[0] == 'Z' && word.Length >= 3)
                    operatingSignals.Add(new string(word));
            }
        }

        /// <summary>§2.6 FL5: precedence letters and the DTG; operating signals may trail it (<c>O 071830Z SEP 07 ZDK</c>).</summary>
        private void ReadPrecedenceLine(ReadOnlySpan<char> line, int offset, PrecedenceLine precedenceLine)
        {
            recognisedAny = true;
            precedence = precedenceLine.Precedence;
            var group = line.Slice(precedenceLine.Group.Start, precedenceLine.Group.Length);
            dateTimeGroup = new string(group);
            dateTime = precedenceLine.Group.Value;
            if (dateTime is null)
                context.Report(DiagnosticSeverity.Warning, offset + precedenceLine.Group.Start, $"The date-time group '{dateTimeGroup}' names no real date or time.");

            var trailer = line[precedenceLine.TrailerStart..];
            foreach (var range in trailer.SplitAny(Blanks))
            {
                var word = trailer[range];
                if (word.Length is >= 3 and <= 4 && word[0] == 'Z' && !word[1..].ContainsAnyExcept(UpperLettersAndDigits))
                    operatingSignals.Add(new string(word));
            }
        }

        private void ReadAddressee(ReadOnlySpan<char> line, int offset)
        {
            // §2.7: old page headers break into address lists (TO PAGE 02 STATE 015113 182333Z).
            var trimmed = line.TrimStart();
            offset += line.Length - trimmed.Length;
            if (AddresseeParser.TryReadPageHeader(trimmed, out var pageHeaderLength))
            {
                trimmed = trimmed[pageHeaderLength..];
                offset += pageHeaderLength;
            }

            var addressee = AddresseeParser.Parse(context, trimmed, offset);
            if (addressee is null)
                return;

            // After a blank line only a full address line continues the list (a routing indicator or a precedence): a
            // media partner's copy follows it with its own lines and the routing lines again (">", "8/13/2009 8:54",
            // "Embassy Ulaanbaatar", 09ULAANBAATAR234).
            if (blankInAddresses && addressee.RoutingIndicator is null && addressee.Precedence is null)
            {
                part = Part.Done;
                context.Report(DiagnosticSeverity.Info, offset, $"The addresses end at the blank line before \"{addressee.Name}\", which is not an address.");
                return;
            }

            blankInAddresses = false;

            var list = part == Part.Info ? info : to;
            if (list.Count > 0 && ContinuesName(list[^1], addressee))
            {
                var previous = list[^1];
                list[^1] = previous with
                {
                    Name = previous.Name + " " + addressee.Name,
                    Precedence = addressee.Precedence,
                    Mcn = addressee.Mcn,
                    McnEnd = addressee.McnEnd,
                    Span = TextSpan.FromBounds(previous.Span.Start, addressee.Span.End),
                };
                return;
            }

            list.Add(addressee);
        }

        private void ReadExclusion(ReadOnlySpan<char> line, int offset)
        {
            var excluded = AddresseeParser.Parse(context, line, offset);
            if (excluded is null)
                return;

            var list = part == Part.Info ? info : to;
            if (list.Count == 0)
            {
                context.Report(DiagnosticSeverity.Warning, offset, $"XMT excludes {excluded.Name}, but no collective comes before it.");
                return;
            }

            var collective = list[^1];
            if (collective.Excluded.Contains(excluded.Name, StringComparer.Ordinal))
                return;
            list[^1] = collective with
            {
                Excluded = [.. collective.Excluded, excluded.Name],
                Span = TextSpan.FromBounds(collective.Span.Start, excluded.Span.End),
            };
        }

        /// <summary>
        /// Whether an addressee line is the end of the name above it (§2.7: names wrapped over lines): the line above ended
        /// without precedence or MCN, this line has no routing indicator, and the break falls where a name cannot end or
        /// begin: after a joining word (<c>ALL DIPLOMATIC AND</c> / <c>CONSULAR POSTS</c>) or before a word that only ends
        /// names (<c>EUROPEAN POLITICAL</c> / <c>COLLECTIVE</c>). Lists mix lines with and without routing indicators,
        /// so that alone says nothing.
        /// </summary>
        private static bool ContinuesName(Addressee previous, Addressee line) =>
            previous.Precedence is null && previous.Mcn is null && line.RoutingIndicator is null
            && (EndsWithAnyWord(previous.Name, JoiningWords) || StartsWithAnyWord(line.Name, NameEndingWords));

        private static bool EndsWithAnyWord(string name, string[] words)
        {
            var lastSpace = name.LastIndexOf(' ');
            return Array.IndexOf(words, name[(lastSpace + 1)..]) >= 0;
        }

        private void ReportUnrecognised(ReadOnlySpan<char> line, int offset)
        {
            if (unrecognisedReports++ >= MaxUnrecognisedReports)
                return;
            var shown = line.Length > 60 ? line[..60] : line;
            context.Report(DiagnosticSeverity.Info, offset, $"Routing header line not recognised: '{shown}'.");
        }

        private bool IsBodyText(ReadOnlySpan<char> line) =>
            StartsWithAnyWord(line, BodyKeywords) || line.Equals("BT", StringComparison.Ordinal) || line.Equals("NNNN", StringComparison.Ordinal)
            || (BannerLine.TryRead(line, out var banner) && banner.IsComplete);

        private void AddRoutingIndicators(ReadOnlySpan<char> words)
        {
            foreach (var range in words.SplitAny(Blanks))
            {
                if (!words[range].IsEmpty)
                    routingIndicators.Add(new string(words[range]));
            }
        }

        /// <summary>Routing indicators: words of four to eight capital letters, such as <c>RUEHFK</c> (§2.3).</summary>
        private static bool AreRoutingIndicators(ReadOnlySpan<char> words)
        {
            foreach (var range in words.SplitAny(Blanks))
            {
                var word = words[range];
                if (!word.IsEmpty && (word.Length is < 4 or > 8 || word.ContainsAnyExcept(UpperLetters)))
                    return false;
            }

            return true;
        }

        /// <summary>§2.5: five letters of U, E, C, S, T (or three and a release code), optionally with a /BBBBB suffix.</summary>
        private static bool IsSecurityGroup(ReadOnlySpan<char> word)
        {
            var slash = word.IndexOf('/');
            var group = slash < 0 ? word : word[..slash];
            return group.Length == 5 && !group[..3].ContainsAnyExcept(SecurityLetters) && !group[3..].ContainsAnyExcept(SecurityOrReleaseLetters);
        }

        /// <summary>§2.1.3: <c>ACTION AF-00</c>, <c>ORIGIN DS-00</c>, <c>INFO  LOG-00 NP-00 …</c>: offices with counts, not addressees.</summary>
        private static bool IsOfficeDistributionStart(ReadOnlySpan<char> line)
        {
            if (!StartsWithWord(line, "ACTION") && !StartsWithWord(line, "ORIGIN") && !StartsWithWord(line, "INFO"))
                return false;
            var rest = line[FirstWord(line).Length..].TrimStart();
            return IsOfficeToken(FirstWord(rest));
        }

        private static bool IsOfficeDistributionContinuation(ReadOnlySpan<char> line)
        {
            foreach (var range in line.SplitAny(Blanks))
            {
                var word = line[range];
                if (!word.IsEmpty && !IsOfficeToken(word) && !(word[0] == '/' && word.Length > 1))
                    return false;
            }

            return true;
        }

        /// <summary>An office and its copy count: <c>LOG-00</c>, <c>NSF-01</c>, <c>L-00</c>.</summary>
        private static bool IsOfficeToken(ReadOnlySpan<char> word)
        {
            var dash = word.LastIndexOf('-');
            return dash >= 1 && word.Length - dash == 3 && DigitCount(word[(dash + 1)..]) == 2 && !word[..dash].ContainsAnyExcept(UpperLetters);
        }

        /// <summary>Whether the line starts with the keyword as a word. Routing lines are upper case, so is the match: "To the" is text.</summary>
        public static bool StartsWithWord(ReadOnlySpan<char> line, string word) =>
            line.StartsWith(word, StringComparison.Ordinal) && (line.Length == word.Length || line[word.Length] is ' ' or '\t');

        private static bool StartsWithAnyWord(ReadOnlySpan<char> line, string[] words)
        {
            foreach (var word in words)
            {
                // Keywords that end in punctuation (SUBJ:, E.O.) match as written; others must end at a blank or colon.
                if (!line.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                    continue;
                if (!char.IsLetter(word[^1]) || line.Length == word.Length || !char.IsLetter(line[word.Length]))
                    return true;
            }

            return false;
        }

        private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> text)
        {
            var end = text.IndexOfAny(Blanks);
            return end < 0 ? text : text[..end];
        }

        private static int DigitCount(ReadOnlySpan<char> text)
        {
            var end = text.IndexOfAnyExceptInRange('0', '9');
            return end < 0 ? text.Length : end;
        }
    }
}
