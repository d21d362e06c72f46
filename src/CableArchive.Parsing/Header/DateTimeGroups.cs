namespace CableArchive.Parsing.Header;

/// <summary>A date-time group as read: where it stands and what it says.</summary>
/// <param name="Start">Offset of the group in the text it was read from.</param>
/// <param name="Length">Its length.</param>
/// <param name="Value">The UTC date-time, or null when the group names no real time (day 32, hour 25).</param>
internal readonly record struct DateTimeGroup(int Start, int Length, DateTime? Value);

/// <summary>The FL5 line: precedence letters, a date-time group, and what trails it (cable-format notes §2.6).</summary>
/// <param name="Precedence">The precedence letters with single spaces (<c>O</c>, <c>P R</c>), or null when the group stands alone.</param>
/// <param name="Group">The date-time group.</param>
/// <param name="TrailerStart">Where the text after the group starts (operating signals, comments).</param>
internal readonly record struct PrecedenceLine(string? Precedence, DateTimeGroup Group, int TrailerStart);

/// <summary>Reads date-time groups, <c>DDHHMMZ MON YY</c> (cable-format notes §2.6).</summary>
internal static class DateTimeGroups
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>
    /// Reads a group at the start of <paramref name="text"/>: six digits and Z, a month of any case (partial records
    /// write <c>291359Z Nov 00</c>, §2.6), and a two- or four-digit year.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<char> text, out DateTimeGroup group)
    {
        group = default;
        if (text.Length < 14 || !IsDigits(text[..6]) || text[6] is not ('Z' or 'z') || !char.IsWhiteSpace(text[7]))
            return false;

        var position = 7;
        SkipSpaces(text, ref position);
        if (position + 3 > text.Length)
            return false;
        var month = MonthNumber(text.Slice(position, 3));
        position += 3;
        if (month == 0 || position >= text.Length || !char.IsWhiteSpace(text[position]))
            return false;

        SkipSpaces(text, ref position);
        var yearStart = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
            position++;
        var yearDigits = position - yearStart;
        if (yearDigits is not (2 or 4) || (position < text.Length && !char.IsWhiteSpace(text[position])))
            return false;

        var year = Number(text.Slice(yearStart, yearDigits));
        // §2.6: the dump runs from 1966 to 2010, so a two-digit year above 10 is 19yy (CM-utils).
        if (yearDigits == 2)
            year += year > 10 ? 1900 : 2000;

        if (year < 1)
            return false;

        var day = Number(text[..2]);
        var hour = Number(text.Slice(2, 2));
        var minute = Number(text.Slice(4, 2));
        DateTime? value = day >= 1 && day <= DateTime.DaysInMonth(year, month) && hour < 24 && minute < 60
            ? new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc)
            : null;
        group = new DateTimeGroup(0, position, value);
        return true;
    }

    /// <summary>
    /// Reads an FL5 line: up to two precedence letters (<c>Z</c>, <c>O</c>, <c>P</c>, <c>R</c>) and the group (<c>P R 041820Z JAN 10</c>),
    /// or the group alone (partial records).
    /// </summary>
    public static bool TryReadPrecedenceLine(ReadOnlySpan<char> line, out PrecedenceLine result)
    {
        result = default;
        var position = 0;
        string? precedence = null;
        if (IsPrecedenceLetter(line, position))
        {
            var first = line[position];
            position++;
            SkipSpaces(line, ref position);
            if (IsPrecedenceLetter(line, position))
            {
                precedence = $"{first} {line[position]}";
                position++;
                SkipSpaces(line, ref position);
            }
            else
            {
                precedence = first.ToString();
            }
        }

        if (!TryRead(line[position..], out var group))
            return false;

        result = new PrecedenceLine(
            precedence,
            group with { Start = position },
            position + group.Length);
        return true;
    }

    /// <summary>A precedence letter standing alone: FLASH, IMMEDIATE, PRIORITY or ROUTINE (§2.6).</summary>
    private static bool IsPrecedenceLetter(ReadOnlySpan<char> line, int position) =>
        position + 1 < line.Length && line[position] is 'Z' or 'O' or 'P' or 'R' && char.IsWhiteSpace(line[position + 1]);

    private static int MonthNumber(ReadOnlySpan<char> name)
    {
        for (var i = 0; i < Months.Length; i++)
        {
            if (name.Equals(Months[i], StringComparison.OrdinalIgnoreCase))
                return i + 1;
        }

        return 0;
    }

    private static void SkipSpaces(ReadOnlySpan<char> text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
            position++;
    }

    private static bool IsDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');

    private static int Number(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var digit in digits)
            value = (value * 10) + (digit - '0');
        return value;
    }
}
