using CableArchive.Data.Search;
using CableArchive.Parsing.Synthetic;
using CableArchive.Tests.Data.Infrastructure;
using Npgsql;

namespace CableArchive.Tests.Data;

/// <summary>
/// The phrase pairs (<see cref="PhrasePairs"/>): the pairs query derived from a <c>tsquery</c>, and, against real
/// PostgreSQL, the rule the search relies on: every text whose vector matches a query holds the pairs its pairs query
/// asks for.
/// </summary>
public sealed class PhrasePairsTests : IAsyncLifetime
{
    private readonly ArchiveFixture fixture = new();

    public ValueTask InitializeAsync() => fixture.InitializeAsync();

    public ValueTask DisposeAsync() => fixture.DisposeAsync();

    [Theory]
    [InlineData("'said' <-> 'rashid'", "'said rashid'")]
    [InlineData("'a' <-> 'b' <-> 'c'", "( 'a b' & 'b c' )")]
    [InlineData("'minist' <2> 'defens'", null)]
    [InlineData("'said' & 'rashid'", null)]
    [InlineData("'said' <-> 'rashid' & !'foo' & 'bar' | 'minist' <2> 'defens'", null)]
    [InlineData("'said' <-> 'rashid' & !'foo' & 'bar' | 'prime' <-> 'minist'", "( 'said rashid' | 'prime minist' )")]
    [InlineData("'x' & 'al-qaeda' <-> 'al' <-> 'qaeda'", "( 'al-qaeda al' & 'al qaeda' )")]
    [InlineData("!( 'a' <-> 'b' )", null)]
    [InlineData("'a' <-> 'b':*", null)]
    [InlineData("'a':* <-> 'b' <-> 'c'", "'b c'")]
    [InlineData("'a' <-> ( 'b' | 'c' )", null)]
    [InlineData("( 'a' <-> 'b' ) <-> ( 'c' | 'd' )", "'a b'")]
    [InlineData("'a' <-> 'b' <-> ( 'c' <2> 'd' )", "( 'a b' & 'b c' )")]
    [InlineData("'o''neil' <-> 'back\\\\slash'", "'o''neil back\\\\slash'")]
    [InlineData("", null)]
    [InlineData("'unclosed <-> 'b'", null)]
    [InlineData("'a' <-> ", null)]
    public void The_pairs_query_asks_for_what_every_match_holds(string tsquery, string? expected) =>
        Assert.Equal(expected, PhrasePairs.QueryFor(tsquery));

    [Fact]
    public void A_pair_longer_than_the_limit_is_not_asked_for()
    {
        var longLexeme = new string('a', PhrasePairs.MaxPairBytes);
        Assert.Null(PhrasePairs.QueryFor($"'{longLexeme}' <-> 'b'"));
        Assert.NotNull(PhrasePairs.QueryFor($"'{longLexeme[..^2]}' <-> 'b'"));
    }

    /// <summary>
    /// Phrases and combinations drawn from generated cable text, and text written to trip the parser's compound words,
    /// each matched by PostgreSQL: no text matching a query may lack the pairs it asks for, and most phrase queries must
    /// ask for some (else the test proves nothing).
    /// </summary>
    [Fact]
    public async Task Every_text_matching_a_query_holds_the_pairs_it_asks_for()
    {
        var texts = CableGenerator.Generate(seed: 7, count: 60).SelectMany(c => c.Portions.Select(p => p.Text)).ToList();
        texts.AddRange([
            "The al-Qaeda cell e-mailed O'Neil at john.doe@example.org about http://example.org/a-b and 1.5 million rials.",
            "Prime Minister Erdogan said Rashid and the Minister of Defense met the minister-counselor on 12-13 May.",
            "Said said said: rashid rashid. Human rights, human rights; the human-rights report.",
            string.Join(' ', Enumerable.Repeat("talk party", 400)),
            new string('x', 1500) + " " + new string('y', 600) + " end",
        ]);

        var queries = new List<string>();
        var random = new Random(11);
        var words = texts.SelectMany(t => t.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)).ToList();
        for (var i = 0; i < 150; i++)
        {
            var start = random.Next(words.Count - 4);
            var length = 2 + random.Next(3);
            queries.Add('"' + string.Join(' ', words.Skip(start).Take(length)) + '"');
        }

        for (var i = 0; i < 40; i++)
        {
            queries.Add($"{queries[random.Next(150)]} OR {queries[random.Next(150)]}");
            queries.Add($"{queries[random.Next(150)]} {words[random.Next(words.Count)]} -{words[random.Next(words.Count)]}");
        }

        queries.AddRange(["\"said rashid\"", "al-qaeda", "\"human rights\"", "human-rights", "o'neil", "e-mailed", "\"prime minister\"",
            "\"minister of defense\"", "\"talk party talk\"", "\"party talk\" OR \"nothing here\"", $"\"{new string('x', 1500)} {new string('y', 600)}\""]);

        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = await fixture.Archive.DataSource.OpenConnectionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE texts AS SELECT v, phrase_pairs(v) AS pairs FROM (SELECT to_tsvector('english', t) AS v FROM unnest($1::text[]) t) x", connection))
        {
            create.Parameters.Add(new NpgsqlParameter { Value = texts.ToArray() });
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var asking = 0;
        var narrowing = 0;
        foreach (var query in queries)
        {
            await using var tsquery = new NpgsqlCommand("SELECT websearch_to_tsquery('english', $1)::text", connection) { Parameters = { new() { Value = query } } };
            var pairs = PhrasePairs.QueryFor((string)(await tsquery.ExecuteScalarAsync(cancellationToken))!);
            if (pairs is null)
                continue;
            asking++;
            await using var check = new NpgsqlCommand(
                $"""
                SELECT count(*) FILTER (WHERE v @@ websearch_to_tsquery('english', $1) AND NOT pairs @@ ($2::tsquery || {PhrasePairs.AnyPairSql})),
                       count(*) FILTER (WHERE pairs @@ ($2::tsquery || {PhrasePairs.AnyPairSql}))
                FROM texts
                """,
                connection) { Parameters = { new() { Value = query }, new() { Value = pairs } } };
            await using var reader = await check.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            Assert.True(reader.GetInt64(0) == 0, $"{query}: {reader.GetInt64(0)} matching texts lack the pairs {pairs}");
            if (reader.GetInt64(1) < texts.Count)
                narrowing++;
        }

        Assert.True(asking >= queries.Count / 2, $"only {asking} of {queries.Count} queries asked for pairs");
        Assert.True(narrowing >= asking * 9 / 10, $"only {narrowing} of {asking} pairs queries left any text out");
    }

    /// <summary>
    /// A vector keeps at most 16,383 positions, so only long words give more pairs than the 1 MB a vector may hold:
    /// 17,000 words of 40 letters from a vocabulary of 10,000 make a vector of about 400 KB and 1.3 MB of pairs.
    /// </summary>
    [Fact]
    public async Task Pairs_that_would_not_fit_in_a_vector_give_the_pair_every_query_accepts()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var random = new Random(3);
        var vocabulary = Enumerable.Range(0, 10_000).Select(_ => new string(Enumerable.Range(0, 40).Select(_ => (char)('a' + random.Next(26))).ToArray())).ToArray();
        var words = Enumerable.Range(0, 17_000).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray();
        var phrase = $"\"{words[100]} {words[101]}\"";
        await using var tsquery = fixture.Archive.DataSource.CreateCommand("SELECT websearch_to_tsquery('english', $1)::text");
        tsquery.Parameters.Add(new NpgsqlParameter { Value = phrase });
        var pairs = PhrasePairs.QueryFor((string)(await tsquery.ExecuteScalarAsync(cancellationToken))!);
        Assert.NotNull(pairs);

        await using var command = fixture.Archive.DataSource.CreateCommand(
            $"""
            SELECT phrase_pairs(v)::text, v @@ websearch_to_tsquery('english', $2), phrase_pairs(v) @@ ($3::tsquery || {PhrasePairs.AnyPairSql})
            FROM to_tsvector('english', $1) v
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = string.Join(' ', words) });
        command.Parameters.Add(new NpgsqlParameter { Value = phrase });
        command.Parameters.Add(new NpgsqlParameter { Value = pairs });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        Assert.Equal("'*'", reader.GetString(0));
        Assert.True(reader.GetBoolean(1));
        Assert.True(reader.GetBoolean(2));
    }
}
