using System.Net;
using System.Text;
using System.Text.Unicode;
using CableArchive.Parsing.Containers;

namespace CableArchive.Parsing.Tests.Containers;

public class MarkupTextTests
{
    private static string Text(string markup, MarkupLayout layout = MarkupLayout.AsIs) =>
        MarkupText.ToText(Encoding.UTF8.GetBytes(markup), Encoding.UTF8, layout);

    [Theory]
    [InlineData("R&amp;D &lt;TEST&gt; &#x000A;&#65;&#x42;&#X43;", "R&D <TEST> \nABC")]
    [InlineData("&nosuchentity; &; &#; &#x; &#xD800; &#1114112; & amp;", "&nosuchentity; &; &#; &#x; &#xD800; &#1114112; & amp;")]
    [InlineData("a &amp &amp; b", "a &amp & b")]
    [InlineData("&#128512;", "\U0001F600")]
    public void Entities_decode_as_the_runtime_decodes_them(string markup, string expected)
    {
        Assert.Equal(expected, Text(markup));
        Assert.Equal(WebUtility.HtmlDecode(markup), Text(markup));
    }

    [Fact]
    public void Random_entity_soup_decodes_as_the_runtime_decodes_it()
    {
        var random = new Random(20101128);
        const string alphabet = "&#;xX0123456789aAbmpltgquonsz ABCDEF+-";
        for (var i = 0; i < 5000; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var j = 0; j < chars.Length; j++)
                chars[j] = alphabet[random.Next(alphabet.Length)];
            var markup = new string(chars);
            Assert.Equal(WebUtility.HtmlDecode(markup), Text(markup));
        }
    }

    [Theory]
    [InlineData("TAGS: <a href='/tag/PGOV_0.html'>PGOV</a> <a href='/tag/XX_0.html'>XX</a>", "TAGS: PGOV XX")]
    [InlineData("<<218634>> a < b", "<<218634>> a < b")]
    [InlineData("&am<b>p; and &lt;a&gt;", "& and <a>")]
    [InlineData("text <a href='unclosed", "text ")]
    public void Tags_are_removed_before_entities_are_decoded(string markup, string expected) => Assert.Equal(expected, Text(markup));

    [Fact]
    public void Preformatted_text_normalises_newlines_and_deletes_pilcrows()
    {
        Assert.Equal("1. First\nsecond\nthird \nend", Text("<a id='par1' href='#par1'>¶</a>1. First&#x000D;&#x000A;second&#x000D;third \\ &#x000A;end", MarkupLayout.Preformatted));
    }

    [Fact]
    public void Cell_text_is_trimmed_with_white_space_collapsed() =>
        Assert.Equal("Embassy Anytown", Text("\n<a href='/origin/99_0.html'>Embassy \n  Anytown</a>\n", MarkupLayout.Collapsed));

    [Theory]
    [InlineData("Reference ID", "Reference ID")]
    [InlineData("\n  2008-09-18 08:17\t\n", "2008-09-18 08:17")]
    [InlineData("Embassy  Anytown", "Embassy Anytown")]
    [InlineData("Embassy\tAnytown", "Embassy Anytown")]
    [InlineData("AT&amp;T", "AT&T")]
    [InlineData("a <b>bold</b> cell", "a bold cell")]
    [InlineData("Bras\u00EDlia \u00B6", "Bras\u00EDlia \u00B6")]
    [InlineData(" \u0085Origin\u00A0", "Origin")]
    [InlineData("", "")]
    [InlineData("\n<a href='/origin/17_0.html'>Embassy Tehran</a>\n", "Embassy Tehran")]
    [InlineData("<a href='/classification/1_0.html' title='unclassified'>CONFIDENTIAL</a>", "CONFIDENTIAL")]
    [InlineData("<a href='x'> a </a> <b>b</b>", "a b")]
    [InlineData("<a href='x?a=1&amp;b=2'>x > y</a>", "x > y")]
    [InlineData("<a href='x'>R&amp;D</a>", "R&D")]
    [InlineData("<a href='x'>unclosed", "unclosed")]
    [InlineData("<<218634>>", "<<218634>>")]
    public void Plain_and_marked_up_cells_read_alike(string cell, string expected) =>
        Assert.Equal(expected, Text(cell, MarkupLayout.Collapsed));

    [Fact]
    public void The_one_pass_reader_of_a_pre_block_writes_what_the_general_path_writes_or_declines()
    {
        // Pieces of the blocks of real pages (§1.1), and what only the general path reads: carriage returns, backslashes,
        // an entity broken by a tag, bytes that are not UTF-8 (the page then falls back to Windows-1252).
        byte[][] pieces =
        [
            .. new[]
            {
                "&#x000A;", "&#x000A;&#x000A;", "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#x000D;", "&#8217;", "&nosuch;", "& ",
                "&am", "p;", "<a href='/tag/PGOV_0.html'>", "</a>", "<a id='par2' href='#par2'>¶</a>", "¶", "< b", "<<218634>>",
                "\\", "\r", "1. (C) Summary", "TAGS: ", "é", "Ünïcödé ", "\U0001F600", " ", "SIPDIS", "XXXXXXXXXXXX",
            }.Select(Encoding.UTF8.GetBytes),
            [0xFF], [0xC2], [0xE2, 0x80],
        ];
        var random = new Random(20101128);
        var agreed = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var markup = new List<byte>();
            for (var k = random.Next(0, 12); k > 0; k--)
                markup.AddRange(pieces[random.Next(pieces.Length)]);
            var bytes = markup.ToArray();

            var general = new char[bytes.Length + 1];
            var expected = general.AsSpan(0, MarkupText.Write(bytes, general, Encoding.UTF8, MarkupLayout.Preformatted)).ToString();
            var onePass = new char[bytes.Length + 1];
            if (!MarkupText.TryWritePreformattedUtf8(bytes, onePass, out var length))
                continue;
            Assert.True(Utf8.IsValid(bytes), $"read as UTF-8 what is not: {Convert.ToHexString(bytes)}");
            Assert.Equal(expected, onePass.AsSpan(0, length).ToString());
            agreed++;
        }

        // Most mixes hold nothing that makes the reader decline: the comparison above ran, and on many of them.
        Assert.True(agreed > 5_000, $"only {agreed} of 20,000 mixes were read in one pass");
    }
}
