using CableArchive.Data.Import;
using CableArchive.Tests.Web.Infrastructure;
using Npgsql;

namespace CableArchive.Tests.Web.History;

/// <summary>A reparse rebuilds the cables from their raw records, and keeps the admins' "sensitive" flags.</summary>
public sealed class SensitiveFlagReparseTests
{
    [Fact]
    public async Task A_sensitive_cable_stays_sensitive_after_a_reparse_and_the_others_stay_unflagged()
    {
        await using var app = await ArchiveApp.StartAsync();
        await app.ImportAsync(ReadingFixture.Cables);
        await ExecuteAsync(app, "UPDATE cables SET sensitive = true WHERE reference_id = '08TOKYO1001'");

        var summary = await new ArchiveReparser(app.Archive.Database).ReparseAsync(TestContext.Current.CancellationToken);
        Assert.Null(summary.Fatal);

        await using var command = app.Archive.Database.DataSource.CreateCommand("SELECT reference_id FROM cables WHERE sensitive ORDER BY reference_id");
        var flagged = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
                flagged.Add(reader.GetString(0));
        }

        Assert.Equal(["08TOKYO1001"], flagged);
        await using var left = app.Archive.Database.DataSource.CreateCommand("SELECT to_regclass('reparse_sensitive') IS NULL");
        Assert.True((bool)(await left.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
    }

    private static async Task ExecuteAsync(ArchiveApp app, string sql)
    {
        await using var command = app.Archive.Database.DataSource.CreateCommand(sql);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }
}
