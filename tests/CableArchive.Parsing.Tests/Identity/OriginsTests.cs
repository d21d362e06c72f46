using CableArchive.Domain.Cables;
using CableArchive.Parsing.Identity;

namespace CableArchive.Parsing.Tests.Identity;

public class OriginsTests
{
    [Theory]
    [InlineData("AMEMBASSY TOKYO", "Embassy Tokyo")]
    [InlineData("AMEMBASSY TEL AVIV", "Embassy Tel Aviv")]
    [InlineData("AMEMBASSY  BUENOS   AIRES", "Embassy Buenos Aires")]
    [InlineData("AMCONSUL RIO DE JANEIRO", "Consulate Rio De Janeiro")]
    [InlineData("AMCONSUL ST. PETERSBURG", "Consulate St Petersburg")]
    [InlineData("AMEMBASSY PORT-AU-PRINCE", "Embassy Port Au Prince")]
    [InlineData("AMEMBASSY N'DJAMENA", "Embassy Ndjamena")]
    [InlineData("SECSTATE WASHDC", "Secretary of State")]
    [InlineData("USMISSION USNATO", "Mission USNATO")]
    [InlineData("USMISSION GENEVA", "Mission Geneva")]
    [InlineData("USMISSION UNVIE VIENNA", "UNVIE")]
    [InlineData("USMISSION USUN NEW YORK", "USUN New York")]
    [InlineData("USEU BRUSSELS", "USEU Brussels")]
    [InlineData("USINT HAVANA", "US Interests Section Havana")]
    [InlineData("AIT TAIPEI", "American Institute Taiwan, Taipei")]
    [InlineData("RPO DUBAI", "Iran RPO Dubai")]
    [InlineData("IRAN RPO DUBAI", "Iran RPO Dubai")]
    [InlineData("REO BASRAH", "REO Basrah")]
    [InlineData("amembassy paris", "Embassy Paris")]
    public void Sender_names_map_to_WikiLeaks_labels(string name, string expected) =>
        Assert.Equal(expected, Origins.FromSender(new Addressee { Name = name }));

    [Theory]
    [InlineData("CIA WASHDC")]
    [InlineData("AMEMBASSY")]
    [InlineData("")]
    public void Unknown_senders_give_null(string name) => Assert.Null(Origins.FromSender(new Addressee { Name = name }));

    [Theory]
    [InlineData("TOKYO", "Embassy Tokyo")]
    [InlineData("STATE", "Secretary of State")]
    [InlineData("ISTANBUL", "Consulate Istanbul")]
    [InlineData("RIO DE JANEIRO", "Consulate Rio De Janeiro")]
    [InlineData("ABU DHABI", "Embassy Abu Dhabi")]
    [InlineData("USNATO", "Mission USNATO")]
    [InlineData("USUN NEW YORK", "USUN New York")]
    [InlineData("HAVANA", "US Interests Section Havana")]
    [InlineData("khartoum", "Embassy Khartoum")]
    [InlineData("SECSTATE", "Secretary of State")]
    public void Banner_origin_words_map_to_WikiLeaks_labels(string words, string expected) =>
        Assert.Equal(expected, Origins.FromOriginWords(words));

    [Theory]
    [InlineData("")]
    [InlineData("XYZZYQ")]
    [InlineData("SECDEF")]
    public void Unknown_origin_words_give_null(string words) => Assert.Null(Origins.FromOriginWords(words));
}
