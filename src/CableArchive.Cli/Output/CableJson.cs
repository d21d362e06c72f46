using System.Text.Json;
using CableArchive.Domain.Cables;
using CableArchive.Domain.Classification;

namespace CableArchive.Cli.Output;

/// <summary>
/// Writes a parsed cable as the JSON object of <c>cablearchive parse</c> (camelCase members). Written by hand
/// with <see cref="Utf8JsonWriter"/> so that the shape is explicit and nothing is reflected over per cable.
/// </summary>
internal static class CableJson
{
    public static void Write(Utf8JsonWriter json, Cable cable)
    {
        json.WriteStartObject();

        json.WriteStartObject("source");
        json.WriteString("path", cable.Source.Path);
        WriteNumberOrNull(json, "row", cable.Source.Row);
        json.WriteEndObject();
        json.WriteString("format", FormatName(cable.Source.Format));

        json.WriteString("id", cable.Id);
        WriteStrings(json, "aliases", cable.Aliases);
        WriteDateTime(json, "dateTime", cable.Created);
        json.WriteString("origin", cable.Origin);

        var header = cable.Header;
        if (header?.From is { } from)
        {
            json.WritePropertyName("from");
            WriteAddressee(json, from);
        }
        else
        {
            json.WriteNull("from");
        }

        WriteAddressees(json, "to", header?.To ?? []);
        WriteAddressees(json, "info", header?.Info ?? []);
        json.WriteString("transmissionId", header?.TransmissionId);
        json.WriteString("precedence", header?.Precedence);
        json.WriteString("dateTimeGroup", header?.DateTimeGroup);

        json.WritePropertyName("classification");
        if (cable.Classification is { } label)
        {
            json.WriteStartObject();
            json.WriteString("level", label.Level.ToLabel());
            WriteStrings(json, "caveats", label.Caveats.Select(c => c.Code));
            json.WriteString("label", label.ToWikiLeaksLabel());
            json.WriteString("full", label.ToString());
            json.WriteEndObject();
        }
        else
        {
            json.WriteNullValue();
        }

        if (cable.ClassificationLine is { } banner)
        {
            json.WriteStartObject("banner");
            json.WriteString("raw", banner.Raw);
            WriteNumberOrNull(json, "section", banner.Section);
            WriteNumberOrNull(json, "sectionCount", banner.SectionCount);
            json.WriteString("originWords", banner.OriginWords);
            json.WriteString("serial", banner.Serial);
            json.WriteEndObject();
        }

        json.WriteStartArray("captions");
        foreach (var caption in cable.Captions)
            json.WriteStringValue(caption.Text);
        json.WriteEndArray();

        json.WritePropertyName("executiveOrder");
        if (cable.ExecutiveOrder is { } order)
        {
            json.WriteStartObject();
            json.WriteString("order", order.Order);
            json.WriteString("declassifyOn", order.DeclassifyOn?.ToString("yyyy-MM-dd") ?? order.DeclassifyCode);
            json.WriteString("downgrade", order.Downgrade);
            json.WriteString("raw", order.Raw);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteStartArray("tags");
        foreach (var tag in cable.Tags)
        {
            json.WriteStartObject();
            json.WriteString("code", tag.Code);
            json.WriteString("kind", CamelCase(tag.Kind.ToString()));
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteString("subject", cable.Subject?.Text);
        json.WritePropertyName("subjectMarking");
        WriteMarking(json, cable.Subject?.Marking);

        json.WriteStartArray("references");
        foreach (var reference in cable.References)
        {
            json.WriteStartObject();
            json.WriteString("label", reference.Label);
            json.WriteString("raw", reference.Raw);
            json.WriteString("cableId", reference.CableId);
            json.WriteString("kind", CamelCase(reference.Kind.ToString()));
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WritePropertyName("classifiedBy");
        if (cable.ClassifiedBy is { } classifier)
        {
            json.WriteStartObject();
            json.WriteString("name", classifier.Name);
            json.WriteString("title", classifier.Title);
            WriteStrings(json, "reasons", classifier.Reasons);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteStartArray("paragraphs");
        foreach (var paragraph in cable.Paragraphs)
        {
            json.WriteStartObject();
            json.WriteString("number", paragraph.Number);
            json.WriteNumber("level", paragraph.Level);
            json.WritePropertyName("marking");
            WriteMarking(json, paragraph.Marking);
            json.WriteString("text", paragraph.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteString("summary", cable.Summary?.Text);
        WriteStrings(json, "signers", cable.Signers.Select(s => s.Name));
        json.WriteNumber("redactions", cable.Redactions.Count);
        json.WriteBoolean("partial", cable.Partial);

        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in cable.Diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("severity", CamelCase(diagnostic.Severity.ToString()));
            json.WriteNumber("line", diagnostic.Line);
            json.WriteString("message", diagnostic.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteMarking(Utf8JsonWriter json, PortionMarking? marking)
    {
        if (marking is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        json.WriteString("status", CamelCase(marking.Status.ToString()));
        json.WriteString("level", marking.Label?.Level.ToLabel());
        WriteStrings(json, "caveats", marking.Label?.Caveats.Select(c => c.Code) ?? []);
        json.WriteString("raw", marking.Raw);
        if (marking.Inner is not null || marking.InnerUnreadable)
        {
            // Marks written inside the text raise the label the read rule applies (PortionMarking.Inner).
            json.WriteString("inner", marking.Inner?.ToString());
            json.WriteBoolean("innerUnreadable", marking.InnerUnreadable);
        }

        json.WriteEndObject();
    }

    private static void WriteAddressees(Utf8JsonWriter json, string name, IReadOnlyList<Addressee> addressees)
    {
        json.WriteStartArray(name);
        foreach (var addressee in addressees)
            WriteAddressee(json, addressee);
        json.WriteEndArray();
    }

    private static void WriteAddressee(Utf8JsonWriter json, Addressee addressee)
    {
        json.WriteStartObject();
        json.WriteString("routingIndicator", addressee.RoutingIndicator);
        json.WriteString("name", addressee.Name);
        json.WriteString("precedence", addressee.Precedence);
        json.WriteString("mcn", addressee.McnEnd is null ? addressee.Mcn : $"{addressee.Mcn}-{addressee.McnEnd}");
        WriteStrings(json, "excluded", addressee.Excluded);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
            json.WriteNumber(name, number);
        else
            json.WriteNull(name);
    }

    private static void WriteDateTime(Utf8JsonWriter json, string name, DateTime? value)
    {
        if (value is { } time)
            json.WriteString(name, DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
        else
            json.WriteNull(name);
    }

    private static string FormatName(CableFormat format) => format switch
    {
        CableFormat.RawText => "text",
        CableFormat.WikiLeaksHtml => "html",
        CableFormat.Markdown => "markdown",
        CableFormat.CablesCsv => "csv",
        _ => format.ToString(),
    };

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
