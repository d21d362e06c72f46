using CableArchive.Domain;

using static CableArchive.Parsing.Tests.Body.BodyTestSupport;

namespace CableArchive.Parsing.Tests.Body;

/// <summary>§4: the E.O. declassification line.</summary>
public class ExecutiveOrderTests
{
    [Theory]
    [InlineData("E.O. 12958: DECL: 02/13/2014", "12958", "2014-02-13")]
    [InlineData("EO 12958 DECL: 02/22/2011", "12958", "2011-02-22")]
    [InlineData("E.O. 12958: DECL: 2019/09/22", "12958", "2019-09-22")]
    [InlineData("EO 12958 DECL: 2020/02/23", "12958", "2020-02-23")]
    [InlineData("E.o. 12958: decl: 07/01/2034", "12958", "2034-07-01")]
    [InlineData("E.O. 12958: DECL: 2/19/2016", "12958", "2016-02-19")]
    [InlineData("EO 12958 DECL:  1/28/2019", "12958", "2019-01-28")]
    [InlineData("E.O. 12958: 03/24/2019", "12958", "2019-03-24")]
    [InlineData("EO 12958: decl: 6/3/08", "12958", "2008-06-03")]
    [InlineData("E.O. 12958: DECLl: 05/12/2018", "12958", "2018-05-12")]
    [InlineData("E.O. 1295: DECL: 07/24/2018", "1295", "2018-07-24")]
    [InlineData("E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006", "12958", "2006-06-21")]
    public void Reads_the_declassification_date(string line, string order, string date)
    {
        var eo = Parse(line, 2008).ExecutiveOrder;

        Assert.NotNull(eo);
        Assert.Equal(order, eo.Order);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), eo.DeclassifyOn);
        Assert.Equal(line, eo.Raw);
    }

    [Theory]
    [InlineData("E.O. 12958: N/A", "N/A")]
    [InlineData("EO 12958 N/A", "N/A")]
    [InlineData("E.O. 12958:N/A", "N/A")]
    [InlineData("E.O.1295: NA", "N/A")]
    [InlineData("E.O. 12356:  DECL:  OADR", "OADR")]
    [InlineData("E.O. 12958: DECL: MR", "MR")]
    [InlineData("E.O. 12958: DECL: X1, X5", "X1, X5")]
    [InlineData("E.o. 12958: decl: after korean unification", "after korean unification")]
    public void Reads_a_code_instead_of_a_date(string line, string code)
    {
        var eo = Parse(line, 2008).ExecutiveOrder;

        Assert.NotNull(eo);
        Assert.Null(eo.DeclassifyOn);
        Assert.Equal(code, eo.DeclassifyCode);
    }

    [Fact]
    public void A_downgrade_is_not_a_declassification()
    {
        var eo = Parse("E.O. 12958: DNG: CO 01/26/2021", 2009).ExecutiveOrder;

        Assert.NotNull(eo);
        Assert.Null(eo.DeclassifyOn);
        Assert.Equal("CO 01/26/2021", eo.Downgrade);
    }

    [Fact]
    public void Two_digit_years_follow_the_cables_year()
    {
        Assert.Equal(new DateOnly(1985, 8, 12), Parse("E.O. 12065: GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P", 1979).ExecutiveOrder?.DeclassifyOn);
        Assert.Equal(new DateOnly(2010, 11, 29), Parse("EO 12958 DECL: 11/29/10", 2000).ExecutiveOrder?.DeclassifyOn);
    }

    [Fact]
    public void The_eo_line_ends_where_tags_start_on_the_same_line()
    {
        var result = Parse("E.O. 12958: DECL: 11/29/10 TAGS: PGOV PREL ECON PINR ZI SA", 2000);

        Assert.Equal("E.O. 12958: DECL: 11/29/10", result.ExecutiveOrder?.Raw);
        Assert.Equal(["PGOV", "PREL", "ECON", "PINR", "ZI", "SA"], result.Tags.Select(t => t.Code));
    }

    [Fact]
    public void An_impossible_date_is_kept_raw_and_reported()
    {
        var result = Parse("E.O. 12958: DECL: 13/45/2019", 2009, out var context);

        Assert.Null(result.ExecutiveOrder?.DeclassifyOn);
        Assert.Equal("13/45/2019", result.ExecutiveOrder?.DeclassifyCode);
        Assert.Contains(context.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("could not be read"));
    }

    [Fact]
    public void An_eo_mention_inside_classified_by_is_not_the_eo_line()
    {
        var text = Lines("Classified By: CDA Nancy McEldowney; E.O. 12958, reasons 1.4 (b,d)", "", "E.O. 12958: DECL: 05/05/2015");

        Assert.Equal(new DateOnly(2015, 5, 5), Parse(text, 2005).ExecutiveOrder?.DeclassifyOn);
    }
}
