namespace CableArchive.Data.Audit;

/// <summary>
/// One line of the append-only audit table: who did what, when, with what outcome. The web application's database role
/// may insert rows but neither update nor delete them, and a trigger refuses updates and deletes from anyone.
/// </summary>
public sealed class AuditEvent
{
    /// <summary>Surrogate key, in insertion order.</summary>
    public long Id { get; set; }

    /// <summary>When it happened (the database's clock).</summary>
    public DateTime At { get; set; }

    /// <summary>The user, when one was signed in.</summary>
    public long? UserId { get; set; }

    /// <summary>The user's name as it was then (or what was typed at a failed sign-in).</summary>
    public string? UserName { get; set; }

    /// <summary>What was done: <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to: a cable id, a user name, a path.</summary>
    public string? Target { get; set; }

    /// <summary>The search terms or parameters, when the action had any.</summary>
    public string? Query { get; set; }

    /// <summary>How it ended: <see cref="AuditOutcomes"/>.</summary>
    public required string Outcome { get; set; }

    /// <summary>How many portions were withheld from the user in what they were shown, where it applies.</summary>
    public int? PortionsWithheld { get; set; }

    /// <summary>How many results were returned, where it applies.</summary>
    public long? ResultCount { get; set; }

    /// <summary>
    /// The level of the label the record itself carries: what the user typed is labelled at their clearance, so that an
    /// audit viewer with less clearance sees only the envelope of the record.
    /// </summary>
    public short? LabelLevel { get; set; }

    /// <summary>The caveats of that label.</summary>
    public List<string> LabelCaveats { get; set; } = [];

    /// <summary>The request's correlation id, to find its log lines.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>Anything else worth keeping (before and after values of an admin change), as JSON.</summary>
    public string? Detail { get; set; }
}

/// <summary>The actions the audit table records.</summary>
public static class AuditActions
{
    /// <summary>A dump was uploaded and queued for import.</summary>
    public const string ArchiveUpload = "archive.upload";

    /// <summary>An uploaded dump's import ended (recorded for the user who uploaded it).</summary>
    public const string ArchiveImport = "archive.import";

    /// <summary>An archivist asked for an import to stop.</summary>
    public const string ArchiveCancel = "archive.import.cancel";

    /// <summary>A quarantined record (its raw text) was shown.</summary>
    public const string QuarantineView = "archive.quarantine.view";

    /// <summary>A quarantined record's edited text was re-parsed.</summary>
    public const string QuarantineReparse = "archive.quarantine.reparse";

    /// <summary>A quarantined record was discarded.</summary>
    public const string QuarantineDiscard = "archive.quarantine.discard";

    /// <summary>A cable page was shown.</summary>
    public const string CableView = "cable.view";

    /// <summary>A cable's raw text was asked for.</summary>
    public const string CableRaw = "cable.raw";

    /// <summary>Two versions of a cable were compared.</summary>
    public const string CableDiff = "cable.diff";

    /// <summary>A cable was exported as text.</summary>
    public const string CableExport = "cable.export";

    /// <summary>A search was run (page or API).</summary>
    public const string Search = "search";

    /// <summary>Search results were exported as CSV.</summary>
    public const string SearchExport = "search.export";

    /// <summary>A browse page was shown.</summary>
    public const string Browse = "browse";

    /// <summary>An analyst wrote a note on a cable (or was refused a mark above their clearance).</summary>
    public const string NoteCreate = "cable.note.create";

    /// <summary>A cable's release history was shown (or withheld).</summary>
    public const string CableHistory = "cable.history";

    /// <summary>The site statistics were shown.</summary>
    public const string Statistics = "stats";

    /// <summary>An admin set or cleared a cable's "sensitive" flag, which withholds its history from non-admins.</summary>
    public const string CableSensitive = "admin.cable.sensitive";

    /// <summary>An API call.</summary>
    public const string Api = "api";

    /// <summary>A request was refused (not signed in, not allowed, bad token).</summary>
    public const string Denied = "denied";

    /// <summary>Someone signed in, or failed to.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Someone signed out.</summary>
    public const string SignOut = "sign-out";

    /// <summary>A user changed their own password.</summary>
    public const string PasswordChange = "password.change";

    /// <summary>A user was created.</summary>
    public const string UserCreate = "admin.user.create";

    /// <summary>A user's roles or clearance were changed.</summary>
    public const string UserChange = "admin.user.change";

    /// <summary>An API token was issued.</summary>
    public const string TokenIssue = "admin.token.issue";

    /// <summary>A user was deactivated: signed out everywhere, and neither password nor token works any more.</summary>
    public const string UserDeactivate = "admin.user.deactivate";

    /// <summary>A deactivated user was reactivated.</summary>
    public const string UserReactivate = "admin.user.reactivate";

    /// <summary>A user's password was replaced by a new one-time password.</summary>
    public const string PasswordReset = "admin.user.password-reset";

    /// <summary>Every sign-in session of a user was ended.</summary>
    public const string UserSignOut = "admin.user.sign-out";

    /// <summary>The audit log was viewed.</summary>
    public const string AuditView = "admin.audit.view";

    /// <summary>The audit log was exported as CSV.</summary>
    public const string AuditExport = "admin.audit.export";
}

/// <summary>How an audited action ended.</summary>
public static class AuditOutcomes
{
    /// <summary>An import stopped on an error.</summary>
    public const string Failed = "failed";

    /// <summary>An import stopped on request.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Done, with nothing withheld.</summary>
    public const string Ok = "ok";

    /// <summary>Done, with some portions withheld.</summary>
    public const string Partial = "partial";

    /// <summary>Every portion was withheld (the withdrawal card).</summary>
    public const string Withheld = "withheld";

    /// <summary>Nothing by that name.</summary>
    public const string NotFound = "not-found";

    /// <summary>Refused.</summary>
    public const string Denied = "denied";

    /// <summary>The request was malformed.</summary>
    public const string Invalid = "invalid";

    /// <summary>The server's statement timeout stopped it.</summary>
    public const string TimedOut = "timed-out";

    /// <summary>Refused because too many others were running and waiting (a search, Archive:Search).</summary>
    public const string Busy = "busy";
}
