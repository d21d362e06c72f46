using System.Globalization;
using System.Text;

namespace CableArchive.Tests.Web.Infrastructure;

/// <summary>One hand-written portion: its mark as written (null for none) and its text.</summary>
/// <param name="Mark">The mark, <c>(S//NF)</c>, or null.</param>
/// <param name="Text">The text.</param>
public sealed record TestPortion(string? Mark, string Text);

/// <summary>
/// Writes small raw-text cables in the telegram form (cable-format notes §2, §3.1, §4, §5, §6, §8): routing header,
/// spaced classification line, SIPDIS, E.O., TAGS, SUBJECT with its mark, REF, Classified By, numbered paragraphs.
/// </summary>
public static class TestCableText
{
    /// <summary>A cable <c>YYPOSTNNNN</c> from Embassy Tokyo.</summary>
    /// <param name="serial">The serial (the id is <c>08TOKYO{serial}</c>).</param>
    /// <param name="banner">The level word, <c>SECRET</c>, <c>CONFIDENTIAL</c>, <c>UNCLASSIFIED</c>.</param>
    /// <param name="captions">Caption lines after the banner besides SIPDIS (<c>NOFORN</c>).</param>
    /// <param name="subject">The subject with its mark.</param>
    /// <param name="paragraphs">The paragraphs, numbered from 1.</param>
    /// <param name="references">Cited cable serials of Tokyo (REF line).</param>
    /// <param name="tags">The TAGS.</param>
    public static (string FileName, string Text) Tokyo(int serial, string banner, string[] captions, TestPortion subject, TestPortion[] paragraphs, int[]? references = null, string tags = "PREL, PGOV, JA")
    {
        var id = "08TOKYO" + serial.ToString(CultureInfo.InvariantCulture);
        var padded = serial.ToString("D6", CultureInfo.InvariantCulture);
        var spaced = banner == "UNCLASSIFIED" ? "UNCLAS" : string.Join(' ', banner.ToCharArray());
        var text = new StringBuilder();
        text.Append("VZCZCXRO1234\nOO RUEHCN\nDE RUEHKO #").Append(serial.ToString("D4", CultureInfo.InvariantCulture)).Append(" 2620817\nZNY CCCCC ZZH\n");
        text.Append("O 180817Z SEP 08\nFM AMEMBASSY TOKYO\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 7404\nINFO RUEHBJ/AMEMBASSY BEIJING 1234\n\n");
        text.Append(spaced).Append(" TOKYO ").Append(padded).Append(" \n\nSIPDIS \n");
        foreach (var caption in captions)
            text.Append(caption).Append(" \n");
        text.Append("\nE.O. 12958: DECL: 09/18/2018 \nTAGS: ").Append(tags).Append(" \n");
        text.Append("SUBJECT: ").Append(subject.Mark is null ? "" : subject.Mark + " ").Append(subject.Text).Append(" \n\n");
        if (references is { Length: > 0 })
        {
            text.Append("REF: ");
            for (var i = 0; i < references.Length; i++)
                text.Append((char)('A' + i)).Append(". TOKYO ").Append(references[i].ToString(CultureInfo.InvariantCulture)).Append(' ');
            text.Append("\n\n");
        }

        text.Append("Classified By: Ambassador J. Thomas Schieffer; reasons 1.4 (b) and (d). \n\n");
        for (var i = 0; i < paragraphs.Length; i++)
        {
            var p = paragraphs[i];
            text.Append(i + 1).Append(". ").Append(p.Mark is null ? "" : p.Mark + " ").Append(p.Text).Append(" \n\n");
        }

        text.Append("SCHIEFFER \n");
        return (id + ".txt", text.ToString());
    }
}
