using CableArchive.Parsing.Body;

namespace CableArchive.Parsing.Tests.Body;

/// <summary>The scanning helpers the body readers share.</summary>
public class TextScanTests
{
    [Theory]
    [InlineData("", -1)]
    [InlineData("m", -1)]
    [InlineData("mm", 0)]
    [InlineData("SUMMARY", 2)]
    [InlineData("Comment", 2)]
    [InlineData("suMmary", 2)]
    [InlineData("m m M-M", -1)]
    [InlineData("IMPORTANT MEMO, COMMITTEE", 18)]
    public void A_doubled_letter_is_found_in_either_case(string text, int expected)
    {
        Assert.Equal(expected, TextScan.IndexOfDoubledLetter(text, 'm'));
    }

    [Fact]
    public void The_doubled_letter_search_agrees_with_a_plain_loop_on_random_text_of_every_length_around_its_blocks()
    {
        // The letter in both cases, its neighbours, and characters outside ASCII whose low byte is 'm' or 'M'.
        const string alphabet = "mMmMnNlL -\u016D\u014D";
        var random = new Random(2026);
        for (var round = 0; round < 20_000; round++)
        {
            var length = random.Next(0, 80);
            var text = new string(Enumerable.Range(0, length).Select(_ => random.Next(4) == 0 ? alphabet[random.Next(alphabet.Length)] : (char)random.Next(32, 0x180)).ToArray());
            Assert.Equal(Naive(text), TextScan.IndexOfDoubledLetter(text, 'm'));
        }

        static int Naive(string text)
        {
            for (var i = 0; i + 1 < text.Length; i++)
            {
                if (text[i] is 'm' or 'M' && text[i + 1] is 'm' or 'M')
                    return i;
            }

            return -1;
        }
    }
}
