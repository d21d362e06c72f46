using System.Text;
using CableArchive.Data.Import;
using CableArchive.Tests.Data.Infrastructure;
using Npgsql;

namespace CableArchive.Tests.Data;

/// <summary>The import's own binary COPY rows, read back by real PostgreSQL, value by value.</summary>
public sealed class BinaryCopyWriterTests : IAsyncLifetime
{
    private const string Columns = "(b, s, i, l, t, raw, ts, d, j, a)";

    private readonly ArchiveFixture fixture = new();

    public ValueTask InitializeAsync() => fixture.InitializeAsync();

    public ValueTask DisposeAsync() => fixture.DisposeAsync();

    private async Task<NpgsqlConnection> OpenWithTableAsync()
    {
        var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var create = new NpgsqlCommand(
            "CREATE TEMP TABLE copied (n serial, b boolean, s smallint, i integer, l bigint, t text, raw bytea, ts timestamptz, d date, j jsonb, a text[])",
            connection);
        await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    [Fact]
    public async Task Every_value_reads_back_as_written()
    {
        await using var connection = await OpenWithTableAsync();
        var longText = string.Concat(Enumerable.Repeat("ünïcode ¶ ", 20_000)); // larger than the writer's buffer
        var before2000 = new DateTime(1966, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        var after2000 = new DateTime(2010, 11, 28, 17, 0, 0, DateTimeKind.Utc).AddTicks(1234);

        await using (var copy = await BinaryCopyWriter.BeginAsync(connection, $"COPY copied {Columns} FROM STDIN (FORMAT BINARY)", TestContext.Current.CancellationToken))
        {
            copy.StartRow();
            copy.Boolean(true);
            copy.Smallint(-7);
            copy.Integer(int.MinValue);
            copy.Bigint(long.MaxValue);
            copy.Text("TOKYO 002577 — ¶2. (S//NF)");
            copy.Bytes([0, 1, 254, 255]);
            copy.TimestampTz(before2000);
            copy.Date(new DateOnly(1975, 12, 31));
            copy.Jsonb("""[{"message":"ünïcode"}]""");
            copy.TextArray(["NOFORN", "ORCON", "ñ"]);

            copy.StartRow();
            copy.Boolean(false);
            copy.Smallint((short?)null);
            copy.Integer((int?)null);
            copy.Bigint((long?)null);
            copy.Text(null);
            copy.Bytes(null);
            copy.TimestampTz(null);
            copy.Date(null);
            copy.Jsonb("[]");
            copy.TextArray([]);

            copy.StartRow();
            copy.Null();
            copy.Smallint(short.MaxValue);
            copy.Integer(42);
            copy.Bigint(-1L);
            copy.Text(longText);
            copy.Bytes(Encoding.UTF8.GetBytes(longText));
            copy.TimestampTz(after2000);
            copy.Date(new DateOnly(2010, 11, 28));
            copy.Jsonb("{}");
            copy.TextArray([longText]);

            await copy.CompleteAsync(TestContext.Current.CancellationToken);
        }

        await using var read = new NpgsqlCommand($"SELECT {Columns[1..^1]} FROM copied ORDER BY n", connection);
        await using var reader = await read.ExecuteReaderAsync(TestContext.Current.CancellationToken);

        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        Assert.True(reader.GetBoolean(0));
        Assert.Equal(-7, reader.GetInt16(1));
        Assert.Equal(int.MinValue, reader.GetInt32(2));
        Assert.Equal(long.MaxValue, reader.GetInt64(3));
        Assert.Equal("TOKYO 002577 — ¶2. (S//NF)", reader.GetString(4));
        Assert.Equal([0, 1, 254, 255], reader.GetFieldValue<byte[]>(5));
        Assert.Equal(before2000, reader.GetDateTime(6));
        Assert.Equal(new DateOnly(1975, 12, 31), reader.GetFieldValue<DateOnly>(7));
        Assert.Equal("""[{"message": "ünïcode"}]""", reader.GetString(8));
        Assert.Equal(["NOFORN", "ORCON", "ñ"], reader.GetFieldValue<string[]>(9));

        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        Assert.False(reader.GetBoolean(0));
        for (var column = 1; column <= 7; column++)
            Assert.True(reader.IsDBNull(column), $"column {column} should be NULL");
        Assert.Equal("[]", reader.GetString(8));
        Assert.Empty(reader.GetFieldValue<string[]>(9));

        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        Assert.True(reader.IsDBNull(0));
        Assert.Equal(short.MaxValue, reader.GetInt16(1));
        Assert.Equal(longText, reader.GetString(4));
        Assert.Equal(longText, Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(5)));

        // PostgreSQL keeps microseconds: the last tenth of a microsecond is dropped.
        Assert.Equal(after2000.AddTicks(-(after2000.Ticks % 10)), reader.GetDateTime(6));
        Assert.Equal([longText], reader.GetFieldValue<string[]>(9));
        Assert.False(await reader.ReadAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_copy_left_without_completing_keeps_no_rows_and_the_connection_goes_on()
    {
        await using var connection = await OpenWithTableAsync();
        await using (var copy = await BinaryCopyWriter.BeginAsync(connection, $"COPY copied {Columns} FROM STDIN (FORMAT BINARY)", TestContext.Current.CancellationToken))
        {
            for (var row = 0; row < 5_000; row++)
            {
                copy.StartRow();
                copy.Boolean(true);
                copy.Smallint(1);
                copy.Integer(row);
                copy.Bigint(row);
                copy.Text(new string('x', 100));
                copy.Bytes(null);
                copy.TimestampTz(null);
                copy.Date(null);
                copy.Jsonb("{}");
                copy.TextArray([]);
            }

            // Disposed here without CompleteAsync, as when a batch fails half way.
        }

        await using var count = new NpgsqlCommand("SELECT count(*) FROM copied", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
