using System.Runtime.CompilerServices;
using Npgsql;

namespace CableArchive.Data.Search;

/// <summary>
/// The month of a cable's date as every portion of its versions carries it, indexed beside the portion's vector
/// (<c>created_month</c>), so that a search of a frequent term can match the newest months first and stop once the cap is
/// full, instead of fetching every matching portion of the archive (docs/decisions/search-newest-months-first.md).
/// </summary>
/// <remarks>
/// A month is a count of months (<c>year × 12 + month − 1</c>, in UTC), so that the months of a window are a plain
/// range of integers. An undated cable takes <see cref="Undated"/>, above every month, because the cap order puts
/// undated cables first newest first and last oldest first. A portion takes the date of its own version's envelope,
/// which is the cable's date whenever that version is current (the merge writes both from the same parse), so a
/// search over current versions may trust it.
/// </remarks>
public static class CapMonth
{
    /// <summary>The month of an undated version: after every real month.</summary>
    public const int Undated = int.MaxValue;

    /// <summary>How long the archive's count of cables per month is reused before it is read again.</summary>
    private static readonly TimeSpan HistogramLifetime = TimeSpan.FromMinutes(2);

    private static readonly ConditionalWeakTable<NpgsqlDataSource, Histogram> Histograms = new();

    /// <summary>The month of <paramref name="createdAt"/> (UTC), or <see cref="Undated"/>.</summary>
    public static int Of(DateTime? createdAt) => createdAt?.ToUniversalTime() is { } utc ? utc.Year * 12 + utc.Month - 1 : Undated;

    /// <summary>The same month in SQL, of a <c>timestamptz</c> expression.</summary>
    public static string Sql(string createdAt) => $"coalesce({SqlOrNull(createdAt)}, {Undated})";

    /// <summary>The month in SQL of a <c>timestamptz</c> expression, null where it is null.</summary>
    internal static string SqlOrNull(string createdAt) =>
        $"(extract(year FROM {createdAt} AT TIME ZONE 'UTC') * 12 + extract(month FROM {createdAt} AT TIME ZONE 'UTC') - 1)::int";

    /// <summary>
    /// The month at which a window of at least <paramref name="cables"/> cables ends, walking the months in cap order
    /// (newest first, undated before them; or oldest first), and how many cables the window holds, from a count of cables
    /// per month read at most <see cref="HistogramLifetime"/> ago, or older while it is read again. A stale count only
    /// makes the window hold more or fewer cables than it says: the window itself always reaches to the archive's newest
    /// (oldest) month as it is at the time of the search. Null when the count holds no month to end on (an archive empty
    /// when it was read).
    /// </summary>
    internal static async Task<(int End, long Cables)?> WindowAsync(NpgsqlDataSource dataSource, double cables, bool oldestFirst, CancellationToken cancellationToken)
    {
        var histogram = Histograms.GetValue(dataSource, _ => new Histogram());
        var counts = await histogram.ReadAsync(dataSource, cancellationToken).ConfigureAwait(false);
        var months = (oldestFirst ? counts.Where(m => m.Month != Undated) : counts.Reverse()).ToList();
        if (months.Count == 0)
            return null;
        var taken = 0L;
        var end = months[0].Month;
        foreach (var (month, count) in months)
        {
            end = month;
            taken += count;
            if (taken >= cables)
                break;
        }

        return (end, taken);
    }

    /// <summary>Makes the count of months of <paramref name="dataSource"/> stale, as if its lifetime had passed, for tests.</summary>
    internal static void Expire(NpgsqlDataSource dataSource) => Histograms.GetValue(dataSource, _ => new Histogram()).Expire();

    /// <summary>The archive's cables per month, in month order, shared by the searches of one data source.</summary>
    /// <remarks>
    /// Only the first read waits for the count. Later, a stale count is still answered while one search reads it again in
    /// the background: a stale count only sizes a window less well, and a refresh (a pass over every cable, up to half a
    /// second when cold) would otherwise hold up every search that arrives meanwhile.
    /// </remarks>
    private sealed class Histogram
    {
        private readonly SemaphoreSlim gate = new(1, 1);

        // A reference, read and replaced whole, so that searches running beside a refresh never see half of one.
        private volatile Snapshot? current;

        public async Task<(int Month, long Count)[]> ReadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
        {
            if (current is { } snapshot)
            {
                if (!snapshot.IsFresh)
                    RefreshInBackground(dataSource);
                return snapshot.Counts;
            }

            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return current?.Counts ?? await LoadAsync(dataSource, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }

        public void Expire()
        {
            if (current is { } snapshot)
                current = snapshot with { ReadAt = DateTime.MinValue };
        }

        private void RefreshInBackground(NpgsqlDataSource dataSource)
        {
            if (!gate.Wait(0))
                return;
            _ = Task.Run(async () =>
            {
                try
                {
                    await LoadAsync(dataSource, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is NpgsqlException or ObjectDisposedException or InvalidOperationException)
                {
                    // The stale count stays; the next search that finds it stale tries again.
                }
                finally
                {
                    gate.Release();
                }
            });
        }

        private async Task<(int Month, long Count)[]> LoadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
        {
            var counts = new List<(int, long)>();
            await using var command = dataSource.CreateCommand($"SELECT {Sql("created_at")} AS month, count(*) FROM cables GROUP BY 1 ORDER BY 1");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                counts.Add((reader.GetInt32(0), reader.GetInt64(1)));
            var snapshot = new Snapshot(DateTime.UtcNow, counts.ToArray());
            current = snapshot;
            return snapshot.Counts;
        }

        private sealed record Snapshot(DateTime ReadAt, (int Month, long Count)[] Counts)
        {
            public bool IsFresh => DateTime.UtcNow - ReadAt < HistogramLifetime;
        }
    }
}
