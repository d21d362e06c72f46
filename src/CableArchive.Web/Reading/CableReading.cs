using CableArchive.Data.Accounts;
using CableArchive.Data.Audit;
using CableArchive.Data.Search;
using CableArchive.Web.Accounts;
using CableArchive.Web.Auditing;
using CableArchive.Web.Hosting;

namespace CableArchive.Web.Reading;

/// <summary>
/// A cable as one reader may see it. <see cref="Withdrawn"/> covers both a cable none of whose portions the reader may
/// read and an id the archive does not hold: the two are shown the same way, the first with its envelope.
/// </summary>
public sealed record CableView
{
    /// <summary>The id as asked for (canonical when the cable was found).</summary>
    public required string RequestedId { get; init; }

    /// <summary>The envelope; null when no such cable exists.</summary>
    public CableEnvelope? Envelope { get; init; }

    /// <summary>The portions of the shown version; null when withdrawn.</summary>
    public CableText? Text { get; init; }

    /// <summary>The versions as the reader sees them; empty when <see cref="HistoryWithheld"/>.</summary>
    public IReadOnlyList<VersionView> Versions { get; init; } = [];

    /// <summary>Whether an admin has withheld the cable's history from this reader (they see the current text only).</summary>
    public bool HistoryWithheld { get; init; }

    /// <summary>The shown version's number in <see cref="Versions"/>.</summary>
    public int? VersionNumber { get; init; }

    /// <summary>Cables citing this one.</summary>
    public IReadOnlyList<CitingCable> CitedBy { get; init; } = [];

    /// <summary>Whether the reader may read every portion (and so the raw text).</summary>
    public bool FullyReadable { get; init; }

    /// <summary>Whether the reader sees the withdrawal card.</summary>
    public bool Withdrawn => Text is null;
}

/// <summary>
/// Reads cables for the pages, the API and the exports, and audits each reading. The history of a cable an admin has
/// marked sensitive (its versions, their dates, older texts) is withheld from everyone but admins.
/// </summary>
public sealed class CableReading(WebArchive archive, AuditTrail audit, IHttpContextAccessor http)
{
    /// <summary>
    /// The cable <paramref name="referenceId"/> as <paramref name="reader"/> sees it, at visible version
    /// <paramref name="version"/> (the current one when null). Audited as <paramref name="action"/>.
    /// </summary>
    public async Task<CableView> ReadAsync(Reader reader, string referenceId, int? version, string action, CancellationToken cancellationToken)
    {
        var view = await LoadAsync(reader, referenceId, version, cancellationToken);
        var outcome = view.Envelope is null ? AuditOutcomes.NotFound
            : view.Withdrawn ? AuditOutcomes.Withheld
            : view.Text!.WithheldCount > 0 ? AuditOutcomes.Partial
            : AuditOutcomes.Ok;
        await audit.RecordAsync(action, outcome, target: view.RequestedId, portionsWithheld: view.Text?.WithheldCount);
        return view;
    }

    /// <summary>Loads without auditing (the caller audits).</summary>
    public async Task<CableView> LoadAsync(Reader reader, string referenceId, int? version, CancellationToken cancellationToken)
    {
        var requested = referenceId.Trim().ToUpperInvariant();
        var cableId = await CableQueries.FindAsync(archive.DataSource, requested, cancellationToken);
        var envelope = cableId is { } id ? await CableQueries.GetEnvelopeAsync(archive.DataSource, id, cancellationToken) : null;
        if (envelope is null)
            return new CableView { RequestedId = requested };

        var historyWithheld = envelope.Sensitive && !MaySeeSensitiveHistory(http.HttpContext);
        var versions = historyWithheld ? [] : await CableQueries.GetVersionsAsync(archive.DataSource, reader.Sql, envelope.Id, cancellationToken);
        var shown = version is { } number ? versions.FirstOrDefault(v => v.Number == number) : versions.FirstOrDefault(v => v.IsCurrent);
        var versionId = shown?.VersionId ?? (version is null || historyWithheld ? envelope.CurrentVersionId : null);
        var text = versionId is { } v ? await CableQueries.GetTextAsync(archive.DataSource, reader.Sql, v, cancellationToken) : null;
        if (text is null || text.NothingReadable)
        {
            // The withdrawal card shows the envelope and nothing else: no versions, no portion count, no citations.
            return new CableView { RequestedId = envelope.ReferenceId, Envelope = WithoutReferenceTexts(envelope) };
        }

        var citedBy = await CableQueries.GetCitedByAsync(archive.DataSource, envelope.Id, cancellationToken: cancellationToken);
        var fullyReadable = text.WithheldCount == 0 && envelope.Banner is { } banner && reader.Clearance.Dominates(banner);
        return new CableView
        {
            RequestedId = envelope.ReferenceId,
            Envelope = fullyReadable ? envelope : WithoutReferenceTexts(envelope),
            Text = text,
            Versions = versions,
            HistoryWithheld = historyWithheld,
            VersionNumber = shown?.Number,
            CitedBy = citedBy,
            FullyReadable = fullyReadable,
        };
    }

    /// <summary>
    /// REF items are text of the cable without a mark of their own, like an unmarked portion: only a reader who may read
    /// the whole cable (every portion, and the banner) sees their text; others see the cited ids.
    /// </summary>
    private static CableEnvelope WithoutReferenceTexts(CableEnvelope envelope) =>
        envelope with { References = [.. envelope.References.Select(r => r.WithTextWithheld())] };

    /// <summary>Whether the user of <paramref name="context"/> may see the history of cables marked sensitive: admins only.</summary>
    public static bool MaySeeSensitiveHistory(HttpContext? context) => context?.User.IsInRole(ArchiveRoles.Admin) == true;
}
