using static CableArchive.Parsing.Tests.Body.BodyTestSupport;

namespace CableArchive.Parsing.Tests.Body;

/// <summary>§9: signers.</summary>
public class SignerTests
{
    private const string Front = "C O N F I D E N T I A L ANKARA 001472\n\nSUBJECT: A TEST\n\n1. (C) The text ends here.\n";

    private static string[] Names(string tail) => [.. Parse(Front + tail, 2009).Signers.Select(s => s.Name)];

    [Theory]
    [InlineData("SCHIEFFER", "SCHIEFFER")]
    [InlineData("VAN VOORST", "VAN VOORST")]
    [InlineData("Beyrle", "BEYRLE")]
    [InlineData("GP-3\nSACCIO", "SACCIO")]
    [InlineData("RICKERT\nCONFIDENTIAL\n\nSIPDIS", "RICKERT")]
    [InlineData("SULLIVAN\nCONFIDENTIAL\nDeclassified/Released US Department of State EO Systematic\nReview 30 JUN 2006", "SULLIVAN")]
    [InlineData("BARTHOLOMEW\nNOTE BY OC/T:  HEADING AS RECEIVED.  CORRECTION TO FOLLOW.", "BARTHOLOMEW")]
    [InlineData("UNQUOTE\n\nSHULTZ", "SHULTZ")]
    [InlineData("ANKARA 00001472  003 OF 003 \nGRAY \n.", "GRAY")]
    [InlineData("MCNAMARA.", "MCNAMARA")]
    [InlineData("REGARDS \nCARSON ", "CARSON")]
    [InlineData("GILLESPIE##", "GILLESPIE")]
    [InlineData("SEMBLER \n                          SECRET \n> \n 2002ROME01748 - Classification: SECRET", "SEMBLER")]
    [InlineData("LORD\nLIMITED OFFICIAL USE\nNNNN", "LORD")]
    [InlineData("RICE\nNNNN\nEnd Cable Text", "RICE")]
    [InlineData("JEFFREY \n            \"Visit Ankara's Classified Web Site at http://www.intelink.s \ngov.gov/wiki/Portal:Turkey\"", "JEFFREY")]
    [InlineData("*****************************************\nVisit Embassy Rabat's Classified Website;\nhttp://www.intelink.sgov.gov/wiki/Portal:Moro cco\n*****************************************\nKAPLAN", "KAPLAN")]
    [InlineData("DE PREE", "DE PREE")]
    [InlineData("STRAUSZ-HUPE", "STRAUSZ-HUPE")]
    [InlineData("ODONOHUE", "O'DONOHUE")]
    [InlineData("TIMKEN JR", "TIMKEN JR")]
    [InlineData("Visit Oslo's Classified Website: http://www.state.sgov.gov/p/eur/oslo/index. cfm Whitney", "WHITNEY")]
    [InlineData("Visit Oslo's Classified Website: http://www.intelink.sgov.gov/wiki/Portal:Nor way\nWHITNEY", "WHITNEY")]
    [InlineData("*********\nFor more reporting from Embassy Kuwait, visit:\n\nhttp://www.intelink.sgov.gov/wiki/Portal:Kuwa it\n*********\njones", "JONES")]
    public void The_signer_after_the_trailers(string tail, string signer)
    {
        Assert.Equal([signer], Names(tail));
    }

    [Theory]
    [InlineData("21.  BEIRUT MINIMIZE CONSIDERED.  EAGLETON", "EAGLETON")]
    [InlineData("THIS REPORT.  END OF TEXT. BAKER\n\n\nUNCLASSIFIED", "BAKER")]
    [InlineData("we should caveat our release of funds. END COMMENT EIKENBERRY", "EIKENBERRY")]
    [InlineData("the Cuban people are more likely to endure it. .FARRAR", "FARRAR")]
    [InlineData("there is much the U.S. and Spain can do together. Aguirre", "AGUIRRE")]
    [InlineData("2. (U) The report is at http://www.example.org/reports/harbor _2009 for those who want \"The Harbor Report.\" Whitney", "WHITNEY")]
    public void A_signer_on_the_same_line_as_the_text(string tail, string signer)
    {
        Assert.Equal([signer], Names(tail));
    }

    [Theory]
    [InlineData("BURNS\nBRYS", new[] { "BURNS", "BRYS" })]
    [InlineData("CLINTON UNQUOTE CLINTON", new[] { "CLINTON", "CLINTON" })]
    [InlineData("KUBISKE KUBISKE", new[] { "KUBISKE", "KUBISKE" })]
    [InlineData("End Comment.\n\nKenny\nGREENLEE", new[] { "KENNY", "GREENLEE" })]
    [InlineData("in recent weeks. Daalder\nSCHIEFFER", new[] { "DAALDER", "SCHIEFFER" })]
    [InlineData("You have set a high standard.\n\nBest,\n\nJeff\nclinton", new[] { "JEFF", "CLINTON" })]
    [InlineData("To the Honorable Embassy of the United States of America \nCity \nARREAGA", new[] { "ARREAGA" })]
    public void Several_signers(string tail, string[] signers)
    {
        Assert.Equal(signers, Names(tail));
    }

    [Fact]
    public void A_joined_pair_is_split_on_the_classifiers_surname()
    {
        var text = Lines("C O N F I D E N T I A L TAIPEI 003991", "", "Classified By: AIT Deputy Director David J. Keegan, Reason: 1.4 (B/D)", "", "1. (C) Text.", "KEEGANPAAL");

        Assert.Equal(["KEEGAN", "PAAL"], Parse(text, 2004).Signers.Select(s => s.Name));
    }

    [Theory]
    [InlineData("\u00b657. (U) The monthly inflation rate for March was 5.6 percent. The")]
    [InlineData("OUTSTANDING DEBT--MIGHT BE IN\nJEOPARDY.")]
    [InlineData("Visit Oslo's Classified Website at http://www.state.sgov.gov/p/eur/oslo for More")]
    [InlineData("Visit Oslo's Classified Web Site")]
    [InlineData("The talks will go on and\ncontinue")]
    [InlineData("The talks will go on, and\ncontinue")]
    public void No_signer(string tail)
    {
        Assert.Empty(Names(tail));
    }

    [Fact]
    public void A_numbered_paragraph_that_quotes_a_web_address_is_text_not_a_footer()
    {
        var result = Parse(Front + "2. (U) The report is at http://www.example.org/harbor for all.\n", 2009);

        Assert.Equal(["The text ends here.", "The report is at http://www.example.org/harbor for all."], result.Paragraphs.Select(p => p.Text));
        Assert.Empty(result.Signers);
    }

    [Fact]
    public void The_signer_is_not_part_of_the_last_paragraph_and_points_at_its_name()
    {
        var text = Front + "VERSHBOW\n";
        var result = Parse(text, 2008);

        Assert.Equal("The text ends here.", Assert.Single(result.Paragraphs).Text);
        Assert.Equal("VERSHBOW", text.At(Assert.Single(result.Signers).Span));
    }
}
