namespace CableArchive.Web.Importing;

/// <summary>The audit actions and outcomes of the archivists' pages (beside the shared ones in <c>AuditActions</c>).</summary>
public static class ArchiveAudit
{
    /// <summary>A dump was uploaded and queued for import.</summary>
    public const string Upload = "archive.upload";

    /// <summary>An uploaded dump's import ended (recorded for the user who uploaded it).</summary>
    public const string Import = "archive.import";

    /// <summary>An archivist asked for an import to stop.</summary>
    public const string Cancel = "archive.import.cancel";

    /// <summary>A quarantined record (its raw text) was shown.</summary>
    public const string View = "archive.quarantine.view";

    /// <summary>A quarantined record's edited text was re-parsed.</summary>
    public const string Reparse = "archive.quarantine.reparse";

    /// <summary>A quarantined record was discarded.</summary>
    public const string Discard = "archive.quarantine.discard";

    /// <summary>Outcome: the import stopped on an error.</summary>
    public const string Failed = "failed";

    /// <summary>Outcome: the import stopped on request.</summary>
    public const string Cancelled = "cancelled";
}
