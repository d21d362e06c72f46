namespace CableArchive.Domain;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Something unusual that was handled (a typo corrected, a wrapper skipped).</summary>
    Info = 0,

    /// <summary>Something odd that may have cost a field its value.</summary>
    Warning = 1,

    /// <summary>The input is not a cable, or a required part of it is missing.</summary>
    Error = 2,
}

/// <summary>A note the parser left about its input.</summary>
/// <param name="Severity">How serious.</param>
/// <param name="Line">The 1-based line of the cable text it concerns; 0 when it concerns the whole input.</param>
/// <param name="Message">What was found, in plain words.</param>
public sealed record Diagnostic(DiagnosticSeverity Severity, int Line, string Message);
