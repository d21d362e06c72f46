using System.Text.Json;
using System.Text.RegularExpressions;
using CableArchive.Parsing.Containers;
using CableArchive.Parsing.Identity;
using CableArchive.Tests;

namespace CableArchive.Parsing.Tests.Identity;

public class ReferenceIdsTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("08TOKYO2577", "08TOKYO2577")]
    [InlineData("08tokyo2577", "08TOKYO2577")]
    [InlineData(" 06STATE83673_a ", "06STATE83673")]
    [InlineData("66BUENOSAIRES2481", "66BUENOSAIRES2481")]
    [InlineData("08TOKYO002577", "08TOKYO2577")]
    public void Well_formed_ids_are_kept_upper_cased_without_padding(string id, string expected) =>
        Assert.Equal(expected, ReferenceIds.Canonicalize(id));

    [Theory]
    [InlineData("09SECTION01OF03SANJOSE525", "09SANJOSE525")]
    [InlineData("08SCTION02OF02SAOPAULO335", "08SAOPAULO335")]
    [InlineData("08ECTION01OF02MANAMA492", "08MANAMA492")]
    [InlineData("09SECTION0QF05HANOI297", "09HANOI297")]
    [InlineData("0901OF02KABUL288", "09KABUL288")]
    public void Section_words_glued_before_the_station_are_dropped(string id, string expected) =>
        Assert.Equal(expected, ReferenceIds.Canonicalize(id));

    [Theory]
    [InlineData("09EFTOLONDON2468", "09LONDON2468")]
    [InlineData("85NOFORNMOGADISHU1643", "85MOGADISHU1643")]
    [InlineData("09SIFIEDABUJA1673", "09ABUJA1673")]
    [InlineData("09AMEMBASSYHANOI1284", "09HANOI1284")]
    [InlineData("05EMBASSYVIENNA1", "05VIENNA1")]
    public void Captions_and_titles_glued_before_the_station_are_dropped(string id, string expected) =>
        Assert.Equal(expected, ReferenceIds.Canonicalize(id));

    [Theory]
    [InlineData("06MADRID002583ZFR2585", "06MADRID2583")]
    [InlineData("07OSLO000160ZDK164", "07OSLO160")]
    [InlineData("90STATE255577TOSEC140323", "90STATE255577")]
    [InlineData("08ACCRA001382SUSPECTEDDUPLICATE1392", "08ACCRA1392")]
    [InlineData("7575LIBREVILLE1895", "75LIBREVILLE1895")]
    public void Text_glued_after_the_serial_and_doubled_years_are_repaired(string id, string expected) =>
        Assert.Equal(expected, ReferenceIds.Canonicalize(id));

    [Theory]
    [InlineData("08THEHAGU799", "08THEHAGUE799")]
    [InlineData("09BEIRT96", "09BEIRUT96")]
    [InlineData("08AITTAIPIE1698", "08AITTAIPEI1698")]
    [InlineData("06PORT-OF-SPAIN123", "06PORTOFSPAIN123")]
    [InlineData("02TAIPEI12", "02AITTAIPEI12")]
    [InlineData("05UNVIE1", "05UNVIEVIENNA1")]
    [InlineData("050TTAWA3518", "05OTTAWA3518")]
    public void Station_spellings_are_canonicalised(string id, string expected) =>
        Assert.Equal(expected, ReferenceIds.Canonicalize(id));

    [Theory]
    [InlineData("05EMBASSYBLABLA1", "05BLABLA1")]
    [InlineData("09ZZZQQQ12", "09ZZZQQQ12")]
    public void Unknown_stations_are_kept_as_written(string id, string expected) =>
        Assert.Equal(expected, ReferenceIds.Canonicalize(id));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("TOKYO2577")]
    [InlineData("08TOKYO")]
    [InlineData("2577")]
    [InlineData("08")]
    public void Text_that_is_not_an_id_gives_null(string? id) => Assert.Null(ReferenceIds.Canonicalize(id));

    [Theory]
    [InlineData(2008, "TOKYO", "002577", "08TOKYO2577")]
    [InlineData(2009, "USUN NEW YORK", "001092", "09USUNNEWYORK1092")]
    [InlineData(2006, "PORT AU PRINCE", "002230", "06PORTAUPRINCE2230")]
    [InlineData(2008, "RIO DE JANEIRO", "000138", "08RIODEJANEIRO138")]
    [InlineData(1966, "BUENOS AIRES", "2481", "66BUENOSAIRES2481")]
    [InlineData(2010, "STATE", "017263", "10STATE17263")]
    [InlineData(2009, "TEL AVIV", "000064", "09TELAVIV64")]
    [InlineData(2002, "LAGOS", "O1512", "02LAGOS1512")]
    [InlineData(2009, "EFTO LONDON", "002468", "09LONDON2468")]
    public void Ids_are_built_from_year_origin_words_and_serial(int year, string originWords, string serial, string expected) =>
        Assert.Equal(expected, ReferenceIds.FromParts(year, originWords, serial));

    [Theory]
    [InlineData(2008, "", "002577")]
    [InlineData(2008, "TOKYO", "")]
    [InlineData(2008, "TOKYO", "25X7")]
    [InlineData(2008, "1234", "2577")]
    public void Parts_that_make_no_id_give_null(int year, string originWords, string serial) =>
        Assert.Null(ReferenceIds.FromParts(year, originWords, serial));

    /// <summary>
    /// The 303 corpus pages: the id built from the year of the table's date and the banner of the body equals the page's
    /// own id (WikiLeaks built the ids that way, §6.3). One page is known to differ: WikiLeaks published 07PARIS2725 with
    /// the text of a Moscow cable (its banner reads MOSCOW 005154).
    /// </summary>
    [Fact]
    public void Ids_built_from_corpus_banners_match_the_page_ids()
    {
        var pages = Directory.GetFiles(SharedCorpus.RequireDirectory("corpus/wikileaks-2010-12"), "*.html", SearchOption.AllDirectories);
        var failures = new List<string>();
        var checkedPages = 0;
        foreach (var page in pages.Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(page);
            var document = CableReader.Read(stream, page).Single();
            var bannerLine = document.Body.Split('\n').FirstOrDefault(line => line.Trim().Length > 0) ?? "";
            if (!BannerLine.TryRead(bannerLine, out var banner) || !banner.IsComplete || document.Metadata?.Created is not { } created)
                continue;
            checkedPages++;
            var id = ReferenceIds.FromParts(created.Year, banner.OriginWords!, banner.Serial!);
            if (!string.Equals(id, Path.GetFileNameWithoutExtension(page), StringComparison.Ordinal))
                failures.Add($"{Path.GetFileName(page)}: built {id}");
        }

        output.WriteLine($"{checkedPages - failures.Count}/{checkedPages} ids built from banners match; {pages.Length - checkedPages} pages have no complete banner first.");
        foreach (var failure in failures)
            output.WriteLine(failure);
        Assert.True(checkedPages >= 250, $"only {checkedPages} pages had a banner");
        Assert.True(failures.Count <= checkedPages / 100, $"{failures.Count} ids differ");
    }

    /// <summary>The canonicalId cases of field-cases.json: malformed WikiLeaks ids with their canonical form.</summary>
    [Fact]
    public void Field_cases_canonical_ids()
    {
        var cases = FieldCases.Load("canonicalId");
        var failures = new List<string>();
        foreach (var fieldCase in cases)
        {
            var expected = fieldCase.GetProperty("expected").GetString();
            var actual = ReferenceIds.Canonicalize(fieldCase.GetProperty("input").GetString());
            if (!FieldCases.SameText(expected, actual))
                failures.Add($"{fieldCase.GetProperty("input").GetString()}: expected {expected}, got {actual ?? "null"}");
        }

        FieldCases.Report(output, "canonicalId", cases.Count, failures, requiredRate: 0.95);
    }
}

/// <summary>Loads field-cases.json (see /work/shared/reference/README.md) and compares as it says: ignoring case and runs of white space.</summary>
internal static partial class FieldCases
{
    public static List<JsonElement> Load(string field)
    {
        var path = SharedCorpus.RequireFile("reference/field-cases.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Where(c => c.GetProperty("field").GetString() == field).Select(c => c.Clone())];
    }

    public static bool SameText(string? expected, string? actual) =>
        expected is null ? actual is null : actual is not null && string.Equals(Squeeze(expected), Squeeze(actual), StringComparison.OrdinalIgnoreCase);

    public static void Report(ITestOutputHelper output, string field, int total, List<string> failures, double requiredRate)
    {
        var passed = total - failures.Count;
        output.WriteLine($"{field}: {passed}/{total} pass ({(double)passed / Math.Max(total, 1):P1})");
        foreach (var failure in failures)
            output.WriteLine("  " + failure);
        Assert.True(total > 0, $"no {field} cases found");
        Assert.True((double)passed / total >= requiredRate, $"{field}: {passed}/{total} pass, below {requiredRate:P0}");
    }

    private static string Squeeze(string text) => WhiteSpace().Replace(text.Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
