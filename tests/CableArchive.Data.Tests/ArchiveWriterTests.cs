using CableArchive.Data;
using CableArchive.Data.Import;
using CableArchive.Data.Search;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static CableArchive.Tests.Data.Infrastructure.TestCables;

namespace CableArchive.Tests.Data;

/// <summary>The merge rules of a batch, on hand-built cables, against real PostgreSQL (a fresh database per test).</summary>
public sealed class ArchiveWriterTests : IAsyncLifetime
{
    private readonly ArchiveFixture fixture = new();

    private ArchiveDatabase Archive => fixture.Archive;

    public ValueTask InitializeAsync() => fixture.InitializeAsync();

    public ValueTask DisposeAsync() => fixture.DisposeAsync();

    private async Task<BatchResult> WriteAsync(params ProcessedRecord[] records)
    {
        var run = await StartRunAsync(Archive);
        await using var writer = await ArchiveWriter.OpenAsync(Archive.DataSource, run, TestContext.Current.CancellationToken);
        return await writer.WriteAsync(records, 0, TestContext.Current.CancellationToken);
    }

    private static readonly ClassificationLabel SecretNoForn = ClassificationLabel.Parse("SECRET//NOFORN")!;

    [Fact]
    public async Task A_new_cable_is_stored_with_its_envelope_portions_and_labels()
    {
        var cable = Make("08TOKYO2577", "SUBJECT: TALKS", SecretNoForn, subject: "JAPAN TALKS", subjectMark: "(C)",
            tags: ["PGOV", "JA"], references: ["08TOKYO2500"], aliases: ["08SECTION01OF02TOKYO2577"],
            paragraphs: [new Para("1", "(S//NF)", "secret noforn words"), new Para("2", null, "unmarked words"), new Para("3", "(SS)", "garbled mark"), new Para("4", "(U)", "open words SIPDIS")]);

        var result = await WriteAsync(Stage(cable));

        Assert.Equal(new BatchResult(1, 1, 1, 0, 0), result);
        await using var context = Archive.CreateDbContext();
        var stored = await context.Cables.Include(c => c.Aliases).Include(c => c.Post)
            .SingleAsync(c => c.ReferenceId == "08TOKYO2577", TestContext.Current.CancellationToken);
        var envelope = await CableQueries.GetEnvelopeAsync(Archive.DataSource, stored.Id, TestContext.Current.CancellationToken);
        Assert.Equal("SECRET//NOFORN", stored.Classification);
        Assert.Equal(ClassificationLevel.Secret, stored.ClassificationLevel);
        Assert.Equal(["NOFORN"], stored.ClassificationCaveats);
        Assert.Equal("Embassy Tokyo", stored.Post?.Name);
        Assert.Equal(["SECSTATE WASHDC"], stored.ToAddressees);
        Assert.Equal("180817Z SEP 08", stored.DateTimeGroup);
        Assert.Equal(["PGOV", "JA"], envelope!.Tags);
        var reference = Assert.Single(envelope.References);
        Assert.Equal("08TOKYO2500", reference.TargetReferenceId);
        Assert.False(reference.InArchive);
        Assert.Equal("08SECTION01OF02TOKYO2577", Assert.Single(stored.Aliases).Alias);

        var version = await context.CableVersions.SingleAsync(TestContext.Current.CancellationToken);
        var subject = await context.Subjects.SingleAsync(s => s.VersionId == version.Id, TestContext.Current.CancellationToken);
        Assert.Equal(stored.CurrentVersionId, version.Id);
        Assert.Equal(cable.Text, version.Text);
        Assert.Null(version.RawRecord);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(cable.Text)), version.TextSha256);
        Assert.Contains("a test note", version.Diagnostics, StringComparison.Ordinal);

        var paragraphs = await context.Paragraphs.Where(p => p.VersionId == version.Id && p.CableId == stored.Id).OrderBy(p => p.Position).ToListAsync(TestContext.Current.CancellationToken);
        AssertReadLabel(paragraphs[0], ClassificationLevel.Secret, "NOFORN");
        Assert.Equal(MarkingStatus.Marked, paragraphs[0].MarkStatus);

        // Unmarked and unreadable portions take the banner with its caveats; SIPDIS in the text restricts nothing.
        AssertReadLabel(paragraphs[1], ClassificationLevel.Secret, "NOFORN");
        Assert.Equal(MarkingStatus.Unreadable, paragraphs[2].MarkStatus);
        AssertReadLabel(paragraphs[2], ClassificationLevel.Secret, "NOFORN");
        AssertReadLabel(paragraphs[3], ClassificationLevel.Unclassified);
        Assert.Equal((ClassificationLevel.Confidential, "(C)"), (subject.ReadLevel, subject.Mark));
        Assert.All(paragraphs, p => Assert.False(p.Searchable));
    }

    [Fact]
    public async Task A_portion_without_any_label_is_readable_by_no_one()
    {
        var cable = Make("08TOKYO1", "BODY", banner: null, paragraphs: [new Para("1", null, "unmarked in an unbannered cable")]);
        await WriteAsync(Stage(cable));

        await using var context = Archive.CreateDbContext();
        var paragraph = await context.Paragraphs.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ClassificationLevel.TopSecret, paragraph.ReadLevel);
        Assert.Equal(["UNKNOWN"], paragraph.ReadCaveats);
    }

    [Fact]
    public async Task The_same_text_again_is_unchanged_and_adds_nothing()
    {
        var cable = Make("08TOKYO2577", "BODY", SecretNoForn, paragraphs: [new Para("1", "(S)", "words")]);
        await WriteAsync(Stage(cable));
        var before = await CountsAsync();

        // Again, and twice within one batch.
        var again = await WriteAsync(Stage(cable), Stage(cable));

        Assert.Equal(new BatchResult(2, 0, 0, 2, 0), again);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_changed_text_becomes_a_new_current_version_and_the_last_text_read_is_current()
    {
        var full = Make("07PARIS322", "FULL TEXT", SecretNoForn, tags: ["PREL"], paragraphs: [new Para("1", "(S)", "the full paragraph")]);
        var redacted = Make("07PARIS322", "XXXXXXXXXXXX", SecretNoForn, tags: ["PREL", "FR"], paragraphs: [new Para("1", null, "XXXXXXXXXXXX")]);

        Assert.Equal(new BatchResult(1, 1, 1, 0, 0), await WriteAsync(Stage(full)));
        Assert.Equal(new BatchResult(1, 0, 1, 0, 0), await WriteAsync(Stage(redacted)));

        await using (var context = Archive.CreateDbContext())
        {
            var cable = await context.Cables.Include(c => c.CurrentVersion).SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(redacted.Text, cable.CurrentVersion!.Text);
            Assert.Equal(1, cable.RedactionCount);
            Assert.Equal(["PREL", "FR"], (await CableQueries.GetEnvelopeAsync(Archive.DataSource, cable.Id, TestContext.Current.CancellationToken))!.Tags);
            Assert.Equal(2, await context.CableVersions.CountAsync(TestContext.Current.CancellationToken));

            // Each version keeps the tags of its own text.
            var first = await context.CableVersions.Where(v => v.Id != cable.CurrentVersionId).Select(v => v.Id).SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(["PREL"], await context.CableTags.Where(t => t.VersionId == first).Select(t => t.Code).ToListAsync(TestContext.Current.CancellationToken));
        }

        // A later build restored the full text: no new version, but it is current again.
        Assert.Equal(new BatchResult(1, 0, 0, 1, 0), await WriteAsync(Stage(full)));
        await using (var context = Archive.CreateDbContext())
        {
            var cable = await context.Cables.Include(c => c.CurrentVersion).SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(full.Text, cable.CurrentVersion!.Text);
            Assert.Equal(["PREL"], (await CableQueries.GetEnvelopeAsync(Archive.DataSource, cable.Id, TestContext.Current.CancellationToken))!.Tags);
            Assert.Equal(2, await context.CableVersions.CountAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task One_batch_with_texts_repeated_makes_one_version_a_text_and_the_last_read_is_current()
    {
        var held = Make("07PARIS322", "HELD", SecretNoForn, paragraphs: [new Para("1", "(S)", "held words")]);
        await WriteAsync(Stage(held));

        // A cable new to the archive with two texts, the first twice; a held cable with one new text, twice.
        var first = Make("08TOKYO2577", "FIRST", SecretNoForn, paragraphs: [new Para("1", "(S)", "first words")]);
        var second = Make("08TOKYO2577", "SECOND", SecretNoForn, paragraphs: [new Para("1", "(S)", "second words")]);
        var changed = Make("07PARIS322", "CHANGED", SecretNoForn, paragraphs: [new Para("1", "(S)", "changed words")]);
        var result = await WriteAsync(Stage(first), Stage(changed), Stage(second), Stage(changed), Stage(first));

        Assert.Equal(new BatchResult(5, 1, 3, 2, 0), result);
        await using var context = Archive.CreateDbContext();
        var current = await context.Cables.Include(c => c.CurrentVersion).ToDictionaryAsync(c => c.ReferenceId, c => c.CurrentVersion!.Text, TestContext.Current.CancellationToken);
        Assert.Equal(first.Text, current["08TOKYO2577"]);
        Assert.Equal(changed.Text, current["07PARIS322"]);

        // Version ids in read order: the new cable's first text, the held cable's new text, then the second text.
        var versions = await context.CableVersions.Where(v => v.Text != held.Text).OrderBy(v => v.Id).Select(v => v.Text).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([first.Text, changed.Text, second.Text], versions);
    }

    [Fact]
    public async Task Portions_carry_the_month_of_their_cable_whichever_version_is_current()
    {
        // The redacted release dated the cable a month later; then the full text came back.
        var full = Make("07PARIS322", "FULL TEXT", SecretNoForn, subject: "TALKS", paragraphs: [new Para("1", "(S)", "the full paragraph")]);
        var redacted = Make("07PARIS322", "XXXXXXXXXXXX", SecretNoForn, subject: "TALKS", paragraphs: [new Para("1", null, "XXXXXXXXXXXX")])
            with { Created = new DateTime(2008, 10, 2, 0, 0, 0, DateTimeKind.Utc) };
        var undated = Make("07PARIS400", "NO DATE", SecretNoForn, subject: "UNDATED", paragraphs: [new Para("1", "(S)", "a paragraph")]) with { Created = null };

        await WriteAsync(Stage(full), Stage(undated));
        Assert.Equal([(2008 * 12 + 8, 2), (CapMonth.Undated, 2)], await CurrentMonthsAsync());
        await WriteAsync(Stage(redacted));
        Assert.Equal([(2008 * 12 + 9, 2), (CapMonth.Undated, 2)], await CurrentMonthsAsync());
        // The same full text again, its date now read differently (as by a newer parser): its portions follow the envelope.
        await WriteAsync(Stage(full with { Created = new DateTime(2008, 11, 5, 0, 0, 0, DateTimeKind.Utc) }));
        Assert.Equal([(2008 * 12 + 10, 2), (CapMonth.Undated, 2)], await CurrentMonthsAsync());

        // The month of each cable's current portions, one row per month the cable's date and portions agree on.
        async Task<List<(int Month, long Portions)>> CurrentMonthsAsync()
        {
            await using var command = Archive.DataSource.CreateCommand($"""
                SELECT t.created_month, count(*) FROM cables c
                JOIN (SELECT version_id, created_month FROM paragraphs UNION ALL SELECT version_id, created_month FROM subjects) t
                  ON t.version_id = c.current_version_id AND t.created_month = {CapMonth.Sql("c.created_at")}
                GROUP BY 1 ORDER BY 1
                """);
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            var months = new List<(int, long)>();
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
                months.Add((reader.GetInt32(0), reader.GetInt64(1)));
            return months;
        }
    }

    [Fact]
    public async Task References_resolve_when_the_cited_cable_arrives_later()
    {
        await WriteAsync(Stage(Make("08TOKYO2577", "CITING", references: ["08TOKYO2500", "08STATE1"])));
        await WriteAsync(Stage(Make("08TOKYO2500", "CITED")));

        await using var context = Archive.CreateDbContext();
        var cited = await context.Cables.SingleAsync(c => c.ReferenceId == "08TOKYO2500", TestContext.Current.CancellationToken);
        var citing = await context.Cables.SingleAsync(c => c.ReferenceId == "08TOKYO2577", TestContext.Current.CancellationToken);
        var references = (await CableQueries.GetEnvelopeAsync(Archive.DataSource, citing.Id, TestContext.Current.CancellationToken))!.References;
        Assert.Equal([("08TOKYO2500", true), ("08STATE1", false)], references.Select(r => (r.TargetReferenceId, r.InArchive)));
        Assert.Equal(["08TOKYO2577"], (await CableQueries.GetCitedByAsync(Archive.DataSource, cited.Id, cancellationToken: TestContext.Current.CancellationToken)).Select(c => c.ReferenceId));
        Assert.Empty(await CableQueries.GetCitedByAsync(Archive.DataSource, citing.Id, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Quarantined_records_are_kept_once_with_reason_and_bytes_and_counted_every_time()
    {
        var bad = Quarantine("not a cable at all\0\u00ff");
        var cable = Make("08TOKYO2577", "BODY");

        var first = await WriteAsync(bad, Stage(cable), bad);
        var second = await WriteAsync(bad);

        Assert.Equal(new BatchResult(3, 1, 1, 0, 2), first);
        Assert.Equal(first.Read, first.NewVersions + first.Unchanged + first.Quarantined);
        Assert.Equal(new BatchResult(1, 0, 0, 0, 1), second);
        await using var context = Archive.CreateDbContext();
        var kept = await context.QuarantinedRecords.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(bad.Raw, kept.Raw);
        Assert.Equal("not a cable: test", kept.Reason);
        Assert.Equal("bad.txt", kept.SourcePath);
    }

    [Fact]
    public async Task A_batch_that_fails_half_way_leaves_nothing_behind()
    {
        var good = Stage(Make("08TOKYO2577", "BODY", tags: ["PGOV"], references: ["08TOKYO2500"], paragraphs: [new Para("1", "(U)", "words")]));
        var broken = Stage(Make("08TOKYO2578", "BODY"));

        // Invalid JSON fails the COPY into cable_versions, after the cables rows were inserted in the same transaction.
        var poisoned = new StagedCable
        {
            ReferenceId = broken.ReferenceId, TextSha256 = broken.TextSha256, Utf8Text = broken.Utf8Text, Origin = broken.Origin,
            DiagnosticsJson = "{not json", Paragraphs = broken.Paragraphs,
        };

        await Assert.ThrowsAsync<PostgresException>(() => WriteAsync(good, poisoned));

        Assert.Equal((0L, 0L, 0L), await CountsAsync());
        await using var context = Archive.CreateDbContext();
        Assert.Equal(0, await context.ImportRuns.SumAsync(r => r.RecordsRead, TestContext.Current.CancellationToken));
        Assert.Equal(0, await context.CableTags.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await context.CableReferences.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Rows_of_a_version_a_killed_merge_left_behind_are_deleted_by_the_next_merge()
    {
        await WriteAsync(Stage(Make("08TOKYO2577", "BODY", tags: ["PGOV"], references: ["08TOKYO1"], paragraphs: [new Para("1", "(U)", "first words")])));

        // What a process killed between the commit of a version's own rows and the merge's leaves: rows under a version
        // id that was reserved but never committed.
        await using (var orphan = Archive.DataSource.CreateCommand(
            """
            WITH reserved AS (SELECT nextval(pg_get_serial_sequence('cable_versions', 'id')) AS id),
            paragraph AS (
                INSERT INTO paragraphs (version_id, cable_id, position, depth, mark_status, mark_caveats, read_level, read_caveats, text, span_start, span_length, searchable)
                SELECT id, 1, 0, 0, 0, '{}', 0, '{}', 'left behind', 0, 11, false FROM reserved),
            tag AS (INSERT INTO cable_tags (version_id, cable_id, position, code, kind) SELECT id, 1, 0, 'LEFT', 0 FROM reserved)
            INSERT INTO cable_references (version_id, cable_id, position, raw, kind, target_reference_id, from_container) SELECT id, 1, 0, 'LEFT 1', 0, '08LEFT1', false FROM reserved
            """))
        {
            await orphan.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await WriteAsync(Stage(Make("08TOKYO2578", "BODY", tags: ["PREL"], references: ["08TOKYO2"], paragraphs: [new Para("1", "(U)", "second words")])));

        await using var context = Archive.CreateDbContext();
        var texts = await context.Paragraphs.OrderBy(p => p.VersionId).Select(p => p.Text).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["first words", "second words"], texts);
        Assert.Equal(["PGOV", "PREL"], await context.CableTags.OrderBy(t => t.VersionId).Select(t => t.Code).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["08TOKYO1", "08TOKYO2"], await context.CableReferences.OrderBy(r => r.VersionId).Select(r => r.TargetReferenceId).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Text_PostgreSQL_cannot_store_is_replaced_and_the_raw_bytes_kept()
    {
        var cable = Make("08TOKYO2577", "NOISE \0 AND \ud800 HERE");
        var staged = Stage(cable);
        await WriteAsync(staged);

        await using var context = Archive.CreateDbContext();
        var version = await context.CableVersions.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Contains("NOISE \uFFFD AND \uFFFD HERE", version.Text, StringComparison.Ordinal);
        Assert.Equal(cable.Text.Length, version.Text.Length);
        Assert.NotNull(version.RawRecord);
    }

    [Fact]
    public async Task The_indexer_makes_committed_portions_searchable()
    {
        await WriteAsync(Stage(Make("08TOKYO2577", "BODY", subject: "NUCLEAR TALKS", paragraphs: [new Para("1", "(C)", "The ambassador discussed enrichment")])));
        Assert.Equal(2, await SearchIndexer.CountPendingAsync(Archive.DataSource, TestContext.Current.CancellationToken));

        var indexed = await SearchIndexer.IndexPendingAsync(Archive.DataSource, 2, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, indexed);
        Assert.Equal(0, await SearchIndexer.CountPendingAsync(Archive.DataSource, TestContext.Current.CancellationToken));
        Assert.Equal(1, await EmbeddedPostgresTests.ScalarAsync(fixture.ConnectionString,
            "SELECT count(*)::int FROM paragraphs WHERE search_vector @@ to_tsquery('english', 'enrich')"));
        Assert.Equal(1, await EmbeddedPostgresTests.ScalarAsync(fixture.ConnectionString,
            "SELECT count(*)::int FROM subjects WHERE search_vector @@ to_tsquery('english', 'nuclear')"));
        Assert.Equal(1, await EmbeddedPostgresTests.ScalarAsync(fixture.ConnectionString, "SELECT count(*)::int FROM pending_phrase_pairs"));
        Assert.Equal(0, await EmbeddedPostgresTests.ScalarAsync(fixture.ConnectionString, "SELECT count(*)::int FROM paragraph_pairs"));
    }

    [Fact]
    public async Task The_last_phase_gives_searchable_paragraphs_their_phrase_pairs_and_no_others()
    {
        const string Holding = "SELECT count(*)::int FROM paragraph_pairs WHERE '{0}' = ANY(tsvector_to_array(pairs))";
        await WriteAsync(Stage(Make("08TOKYO2577", "BODY", paragraphs: [new Para("1", "(C)", "The ambassador discussed enrichment"), new Para("2", "(S)", "Prime minister")])));
        await SearchIndexer.IndexPendingAsync(Archive.DataSource, 2, cancellationToken: TestContext.Current.CancellationToken);
        await WriteAsync(Stage(Make("08TOKYO2578", "BODY", paragraphs: [new Para("1", "(C)", "Not yet searchable")])));

        var paired = await SearchIndexer.IndexPendingPhrasePairsAsync(Archive.DataSource, 2, TestContext.Current.CancellationToken);

        Assert.Equal(2, paired);
        Assert.Equal(0, await EmbeddedPostgresTests.ScalarAsync(fixture.ConnectionString, "SELECT count(*)::int FROM pending_phrase_pairs"));
        Assert.Equal(1, await EmbeddedPostgresTests.ScalarAsync(fixture.ConnectionString, string.Format(Holding, "ambassador discuss")));
        Assert.Equal(1, await EmbeddedPostgresTests.ScalarAsync(fixture.ConnectionString, string.Format(Holding, "prime minist")));
        Assert.Equal(0, await EmbeddedPostgresTests.ScalarAsync(fixture.ConnectionString, string.Format(Holding, "yet searchabl")));

        // Each pair row carries its paragraph's month and read level, which the search asks the index for.
        Assert.Equal(2, await EmbeddedPostgresTests.ScalarAsync(fixture.ConnectionString,
            "SELECT count(*)::int FROM paragraph_pairs pp JOIN paragraphs p USING (version_id, position) WHERE pp.read_level = p.read_level AND pp.created_month = p.created_month"));
        Assert.Equal(2, await EmbeddedPostgresTests.ScalarAsync(fixture.ConnectionString, "SELECT count(DISTINCT read_level)::int FROM paragraph_pairs"));

        // The second cable's pairs come after its vectors.
        await SearchIndexer.IndexPendingAsync(Archive.DataSource, 2, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1, await SearchIndexer.IndexPendingPhrasePairsAsync(Archive.DataSource, 2, TestContext.Current.CancellationToken));
        Assert.Equal(1, await EmbeddedPostgresTests.ScalarAsync(fixture.ConnectionString, string.Format(Holding, "yet searchabl")));
    }

    private static void AssertReadLabel(CableArchive.Data.Model.IPortion portion, ClassificationLevel level, params string[] caveats)
    {
        Assert.Equal(level, portion.ReadLevel);
        Assert.Equal(caveats, portion.ReadCaveats);
    }

    private async Task<(long Cables, long Versions, long Paragraphs)> CountsAsync()
    {
        await using var context = Archive.CreateDbContext();
        return (await context.Cables.LongCountAsync(), await context.CableVersions.LongCountAsync(), await context.Paragraphs.LongCountAsync());
    }
}
