using CableArchive.Domain;
using CableArchive.Domain.Cables;
using CableArchive.Parsing.Containers;

namespace CableArchive.Parsing;

/// <summary>
/// One cable as a container gives it, unwrapped but not yet parsed: the header text and the body text
/// (LF newlines, container escapes decoded), and whatever metadata the container carries.
/// </summary>
/// <param name="Source">Where it was read from.</param>
/// <param name="Header">The routing header text (empty when the container has none).</param>
/// <param name="Body">The body text, from the classification line on.</param>
/// <param name="Metadata">What the container says about the cable, if anything.</param>
/// <param name="Diagnostics">What the container reader noticed (decoding fallbacks, broken quotes…).</param>
public sealed record CableDocument(
    CableSource Source,
    string Header,
    string Body,
    ContainerMetadata? Metadata,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    private string? rawRecord;

    /// <summary>The raw bytes or text of the record as read, before unwrapping, for quarantine and versioning.</summary>
    public string? RawRecord
    {
        get => rawRecord ??= RawContent is { } content ? ContainerText.Decode(content, out _) : null;
        init => rawRecord = value;
    }

    /// <summary>
    /// The content as read, decoded into <see cref="RawRecord"/> only when that is asked for: a WikiLeaks page is six times
    /// the size of its cable, and a parse that does not keep it should not pay for its text.
    /// </summary>
    internal byte[]? RawContent { get; init; }
}

/// <summary>Metadata a caller supplies for every input (the <c>--id</c> and <c>--date</c> options of <c>cablearchive parse</c>).</summary>
/// <param name="Id">The reference id to assume.</param>
/// <param name="Created">The date-time to assume, UTC.</param>
public sealed record CableHints(string? Id = null, DateTime? Created = null);
