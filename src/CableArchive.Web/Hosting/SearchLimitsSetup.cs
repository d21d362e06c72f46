using System.Threading.RateLimiting;
using CableArchive.Data.Audit;
using CableArchive.Web.Auditing;
using CableArchive.Web.Reading;

namespace CableArchive.Web.Hosting;

/// <summary>
/// Admission control for searches. A search keeps a database backend busy on a core for tens to hundreds of milliseconds;
/// sixteen at once share the two cores with every cable page, which then waits behind them (docs/scaling.md, session 4).
/// So at most <c>Archive:Search:Concurrency</c> searches run at once (default: the number of cores), and the next
/// <c>Archive:Search:QueueLength</c> (default 200) wait their turn in arrival order; beyond that a search is refused
/// with 503 and a plain sentence, never queued without end.
/// </summary>
public static class SearchLimitsSetup
{
    /// <summary>The policy the search page, the search API and the search export carry.</summary>
    public const string SearchPolicy = "search";

    /// <summary>What a refused search answers.</summary>
    public const string Busy = "The archive is answering many searches at the moment; try again in a few seconds.";

    /// <summary>Adds the search policy.</summary>
    public static IServiceCollection AddArchiveSearchLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SearchLimitsSetup))
                    .LogWarning("Search refused, the queue is full: {Path}", http.Request.Path.Value);
                await http.RequestServices.GetRequiredService<AuditTrail>().RecordAsync(
                    http.Request.Path.StartsWithSegments("/search/export.csv") ? AuditActions.SearchExport : AuditActions.Search,
                    AuditOutcomes.Busy, target: http.Request.Path.Value, query: SearchRequest.Describe(SearchRequest.Parse(http.Request.Query)));
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync(Busy, cancellationToken);
            };

            // One partition for all readers: the limit protects the machine, not a share of it per reader.
            options.AddPolicy(SearchPolicy, http => RateLimitPartition.GetConcurrencyLimiter(SearchPolicy, _ =>
            {
                var configuration = http.RequestServices.GetRequiredService<IConfiguration>();
                return new ConcurrencyLimiterOptions
                {
                    PermitLimit = Math.Max(1, configuration.GetValue("Archive:Search:Concurrency", Environment.ProcessorCount)),
                    QueueLimit = Math.Max(0, configuration.GetValue("Archive:Search:QueueLength", 200)),
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                };
            }));
        });
        return services;
    }
}
