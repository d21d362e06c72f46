using CableArchive.Data.Search;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace CableArchive.Tests.Web;

/// <summary>
/// The SQL read rule (<see cref="ReaderClearance.Readable"/>) is the exact equivalent of the Domain's
/// <see cref="ReadRule"/>: checked over every pair of a wide set of labels and clearances, on real PostgreSQL.
/// </summary>
public sealed class ReadRuleSqlTests
{
    private static readonly string[][] CaveatSets =
    [
        [], ["NOFORN"], ["SIPDIS"], ["FGI"], ["REL TO UK, FR"], ["NOFORN", "ORCON"], ["EXDIS"], ["NODIS", "NOFORN"],
        ["LIMDIS"], ["SIPDIS", "NOFORN"], ["UNKNOWN"], ["QX"], ["PROPIN", "STADIS"], ["ORCON"],
    ];

    private static readonly string[][] GrantSets =
    [
        [], ["NOFORN"], ["ORCON"], ["NOFORN", "ORCON"], ["EXDIS", "NODIS", "LIMDIS"], ["NOFORN", "ORCON", "EXDIS", "NODIS", "LIMDIS", "STADIS", "PROPIN"],
        ["UNKNOWN"], ["SIPDIS"],
    ];

    [Fact]
    public async Task The_sql_filter_agrees_with_the_domain_read_rule_on_every_label_and_clearance()
    {
        await using var dataSource = NpgsqlDataSource.Create(await PostgresServer.Current.CreateDatabaseAsync());
        var labels = ClassificationLevels.All
            .SelectMany(level => CaveatSets.Select(caveats => new ClassificationLabel(level, caveats.Select(Caveat.FromCode))))
            .Append(ClassificationLabel.Unknown)
            .ToList();

        // The portion columns as the import writes them: the effective label's level and its restrictive caveats.
        await using (var table = dataSource.CreateCommand(
            """
            CREATE TABLE rule_portions AS
            SELECT n, level AS read_level, string_to_array(caveats, '|') AS read_caveats
            FROM unnest(@levels, @caveats) WITH ORDINALITY AS t(level, caveats, n)
            """))
        {
            table.Parameters.Add(new NpgsqlParameter("levels", NpgsqlDbType.Array | NpgsqlDbType.Smallint) { Value = labels.Select(l => (short)l.Level).ToArray() });
            table.Parameters.Add(new NpgsqlParameter("caveats", NpgsqlDbType.Array | NpgsqlDbType.Text)
            {
                Value = labels.Select(l => string.Join('|', l.RestrictiveCaveats.Select(c => c.Code))).ToArray(),
            });
            await table.ExecuteNonQueryAsync();
        }

        var compared = 0;
        foreach (var level in ClassificationLevels.All)
        {
            foreach (var grants in GrantSets)
            {
                var clearance = Clearance.Of(level, grants);
                var reader = ReaderClearance.Of(clearance);
                await using var command = dataSource.CreateCommand($"SELECT {ReaderClearance.Readable("p")} FROM rule_portions p ORDER BY n");
                reader.AddParameters(command.Parameters);

                await using var rows = await command.ExecuteReaderAsync();
                var index = 0;
                while (await rows.ReadAsync())
                {
                    var label = labels[index++];
                    var expected = ReadRule.CanRead(AsGranted(clearance), new PortionMarking(MarkingStatus.Marked, label, "(x)", default), null);
                    Assert.True(expected == rows.GetBoolean(0), $"{clearance} reading {label}: the read rule says {expected}, the SQL says {rows.GetBoolean(0)}");
                    compared++;
                }

                Assert.Equal(labels.Count, index);
            }
        }

        Assert.Equal(ClassificationLevels.All.Count * GrantSets.Length * labels.Count, compared);
    }

    // Only grantable caveats can be held (UNKNOWN never is), on both sides of the comparison.
    private static Clearance AsGranted(Clearance clearance) =>
        CableArchive.Data.Accounts.AccountClearance.From(clearance.Level, clearance.Grants.Select(g => g.Code));
}
