using CableArchive.Domain;
using CableArchive.Domain.Cables;

namespace CableArchive.Parsing.Body;

/// <summary>
/// Reads the E.O. declassification line (§4): the order, then a declassify-on date in any observed form
/// (<c>02/13/2014</c>, <c>2/19/2016</c>, <c>2019/09/22</c>, <c>11/29/10</c>, <c>JUNE 21, 2006</c>), a code
/// (<c>N/A</c>, <c>OADR</c>, <c>MR</c>, <c>X1, X5</c>, free text) or a downgrade (<c>DNG: CO 01/26/2021</c>).
/// </summary>
internal static class ExecutiveOrder
{
    private static readonly string[] Months =
        ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"];

    /// <summary>Reads the line that <paramref name="keyword"/> starts, up to <paramref name="bound"/> or the end of the line.</summary>
    /// <returns>The record and where it ends in the cleaned body.</returns>
    public static (ExecutiveOrderLine Line, int End) Read(ParseContext context, BodyText body, Keyword keyword, int bound, int? year)
    {
        var text = body.Text;
        var end = TextScan.TrimEnd(text, keyword.ContentStart, Math.Min(bound, TextScan.LineEnd(text, keyword.ContentStart, bound)));

        // The order number is the digit run just before the content.
        var digitsEnd = keyword.ContentStart;
        var digitsStart = digitsEnd;
        while (digitsStart > keyword.Start && TextScan.IsDigit(text[digitsStart - 1]))
            digitsStart--;
        var order = text.Substring(digitsStart, digitsEnd - digitsStart);

        var p = TextScan.SkipBlanks(text, keyword.ContentStart, end);
        if (p < end && text[p] == ':')
            p = TextScan.SkipBlanks(text, p + 1, end);

        DateOnly? declassifyOn = null;
        string? code = null;
        string? downgrade = null;
        var sourceSpan = body.ToSourceSpan(keyword.Start, Math.Max(end, keyword.ContentStart));

        if (p >= end)
        {
            context.Report(DiagnosticSeverity.Warning, sourceSpan.Start, "The E.O. line gives no declassification instruction.");
        }
        else if (IsWordAny(text, p, "N/A") || TextScan.IsWordAt(text, p, "NA"))
        {
            code = "N/A";
        }
        else if (TextScan.IsWordAt(text, p, "DNG"))
        {
            // §4.1: "DNG: CO 01/26/2021" downgrades; it does not declassify.
            var value = TextScan.SkipBlanks(text, p + 3, end);
            if (value < end && text[value] == ':')
                value = TextScan.SkipBlanks(text, value + 1, end);
            downgrade = TextScan.Collapse(text, value, end);
        }
        else
        {
            // "DECL:", "DECLl:", "decl:" — and nothing at all before a bare date ("E.O. 12958: 03/24/2019").
            var value = p;
            if (TextScan.StartsWithIgnoreCase(text, p, "DECL") && !TextScan.StartsWithIgnoreCase(text, p, "DECLASSIFIED"))
            {
                value = p + 4;
                while (value < end && char.IsLetter(text[value]) && value - p < 6)
                    value++;
                value = TextScan.SkipBlanks(text, value, end);
                if (value < end && text[value] == ':')
                    value = TextScan.SkipBlanks(text, value + 1, end);
            }

            var dateAt = FindDate(text, value, end, year, out var date, out var looksLikeDate);
            if (dateAt >= 0)
            {
                declassifyOn = date;
                var before = TextScan.TrimEnd(text, value, dateAt);
                if (before > value)
                    code = TextScan.Collapse(text, value, before);
            }
            else
            {
                code = value < end ? TextScan.Collapse(text, value, end) : null;
                if (looksLikeDate)
                    context.Report(DiagnosticSeverity.Warning, body.ToSource(value), $"The declassification date \"{code}\" could not be read.");
                else if (code is null)
                    context.Report(DiagnosticSeverity.Warning, sourceSpan.Start, "The E.O. line gives no declassification instruction.");
            }
        }

        var line = new ExecutiveOrderLine
        {
            Order = order,
            DeclassifyOn = declassifyOn,
            DeclassifyCode = code,
            Downgrade = downgrade,
            Raw = text[keyword.Start..Math.Max(end, keyword.ContentStart)],
            Span = sourceSpan,
        };
        return (line, end);
    }

    /// <summary>
    /// Finds the first date in [start, end): numeric (M/D/Y, Y/M/D) or written out (<c>JUNE 21, 2006</c>).
    /// Returns its offset, or -1; <paramref name="looksLikeDate"/> says whether something date-shaped failed to read.
    /// </summary>
    public static int FindDate(string text, int start, int end, int? year, out DateOnly date, out bool looksLikeDate)
    {
        date = default;
        looksLikeDate = false;
        for (var p = start; p < end; p++)
        {
            if (!TextScan.IsWordStart(text, p))
                continue;
            if (TextScan.IsDigit(text[p]))
            {
                if (TryReadNumericDate(text, p, end, year, out date, out var shaped))
                    return p;
                looksLikeDate |= shaped;
            }
            else if (char.IsLetter(text[p]) && TryReadWrittenDate(text, p, end, out date))
            {
                return p;
            }
        }

        return -1;
    }

    private static bool TryReadNumericDate(string text, int p, int end, int? year, out DateOnly date, out bool shaped)
    {
        date = default;
        shaped = false;
        Span<int> parts = stackalloc int[3];
        Span<int> lengths = stackalloc int[3];
        var q = p;
        for (var k = 0; k < 3; k++)
        {
            if (k > 0)
            {
                if (q >= end || text[q] is not ('/' or '-' or '.'))
                    return false;
                q++;
            }

            var digitStart = q;
            var value = 0;
            while (q < end && TextScan.IsDigit(text[q]) && q - digitStart < 4)
                value = value * 10 + (text[q++] - '0');
            if (q == digitStart)
                return false;
            parts[k] = value;
            lengths[k] = q - digitStart;
        }

        if (q < end && char.IsLetterOrDigit(text[q]))
            return false;
        shaped = true;

        // "2019/09/22" is year first; everything else month first (§4.1: US dates).
        int y, m, d;
        if (lengths[0] == 4)
            (y, m, d) = (parts[0], parts[1], parts[2]);
        else
            (m, d, y) = (parts[0], parts[1], lengths[2] <= 2 ? ExpandYear(parts[2], year) : parts[2]);
        return TryMakeDate(y, m, d, out date);
    }

    private static bool TryReadWrittenDate(string text, int p, int end, out DateOnly date)
    {
        date = default;
        for (var month = 0; month < Months.Length; month++)
        {
            var name = Months[month];
            var length = name.Length;
            if (!TextScan.StartsWithIgnoreCase(text, p, name))
            {
                // Three-letter abbreviations: "JUN 21, 2006".
                if (!TextScan.StartsWithIgnoreCase(text, p, name[..3]) || !TextScan.IsWordEnd(text, p + 3))
                    continue;
                length = 3;
            }

            var q = TextScan.SkipBlanks(text, p + length, end);
            var day = ReadNumber(text, ref q, end, 2);
            if (day < 0)
                return false;
            if (q < end && text[q] == ',')
                q++;
            q = TextScan.SkipBlanks(text, q, end);
            var yearStart = q;
            var y = ReadNumber(text, ref q, end, 4);
            return q - yearStart == 4 && TryMakeDate(y, month + 1, day, out date);
        }

        return false;
    }

    private static int ReadNumber(string text, ref int p, int end, int maxDigits)
    {
        var start = p;
        var value = 0;
        while (p < end && TextScan.IsDigit(text[p]) && p - start < maxDigits)
            value = value * 10 + (text[p++] - '0');
        return p == start ? -1 : value;
    }

    /// <summary>
    /// A two-digit year (§4.2: <c>6/3/08</c> → 2008): the first century that puts the date no earlier than the cable's
    /// year (declassification comes after writing); without the cable's year, 00–50 are 20xx.
    /// </summary>
    public static int ExpandYear(int twoDigits, int? cableYear)
    {
        if (cableYear is { } written)
        {
            foreach (var century in (ReadOnlySpan<int>)[1900, 2000, 2100])
            {
                if (century + twoDigits >= written - 1)
                    return century + twoDigits;
            }
        }

        return twoDigits <= 50 ? 2000 + twoDigits : 1900 + twoDigits;
    }

    private static bool TryMakeDate(int y, int m, int d, out DateOnly date)
    {
        date = default;
        if (y is < 1900 or > 2200 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
            return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    private static bool IsWordAny(string text, int p, string word) =>
        TextScan.StartsWithIgnoreCase(text, p, word) && TextScan.IsWordEnd(text, p + word.Length);
}
