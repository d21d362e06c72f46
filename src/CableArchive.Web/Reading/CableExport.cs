using System.Globalization;
using System.Text;
using CableArchive.Data.Search;
using CableArchive.Domain.Classification;

namespace CableArchive.Web.Reading;

/// <summary>
/// A cable as plain text for a reader: the portions they may read, each with its mark, and a banner at top and bottom
/// equal to the join of the labels of the portions included (withheld portions are named, not included).
/// </summary>
public static class CableExport
{
    /// <summary>The text of <paramref name="view"/>; the view must not be withdrawn.</summary>
    public static string Render(CableView view)
    {
        var envelope = view.Envelope!;
        var text = view.Text!;
        var included = text.Portions.Where(p => !p.Withheld).ToList();
        var banner = ClassificationLabel.JoinAll(included.Select(p => p.Label)).ToString();

        var output = new StringBuilder();
        output.Append(banner).Append('\n');
        output.Append(envelope.ReferenceId);
        if (envelope.CreatedAt is { } created)
            output.Append("  ").Append(created.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        if (envelope.Origin is not null)
            output.Append("  ").Append(envelope.Origin);
        output.Append('\n');
        if (envelope.Tags.Count > 0)
            output.Append("TAGS: ").Append(string.Join(", ", envelope.Tags)).Append('\n');
        output.Append('\n');

        foreach (var portion in text.Portions)
        {
            if (portion.Withheld)
            {
                output.Append('[').Append(CableText.Place(portion)).Append(" withheld]\n\n");
                continue;
            }

            if (portion.Position < 0)
                output.Append("SUBJECT: ");
            else if (portion.Number is not null)
                output.Append(portion.Number).Append(". ");
            output.Append(portion.Label.ToPortionMark()).Append(' ').Append(portion.Text).Append("\n\n");
        }

        output.Append(banner).Append('\n');
        return output.ToString();
    }
}
