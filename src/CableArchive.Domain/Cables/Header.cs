namespace CableArchive.Domain.Cables;

/// <summary>
/// The routing (transmission) header of a cable, ACP-127 format lines FL1–FL8 (cable-format notes §2).
/// Each line is optional: ACP-126 style headers start at the DTG, partial records at an old printout.
/// </summary>
public sealed record RoutingHeader
{
    /// <summary>FL1 transmission identifier, <c>VZCZCXRO8797</c>.</summary>
    public string? TransmissionId { get; init; }

    /// <summary>FL2 precedence prosign, <c>OO</c>, <c>PP</c>, <c>RR</c>, <c>ZZ</c>.</summary>
    public string? PrecedenceProsign { get; init; }

    /// <summary>FL2 routing indicators, <c>RUEHFK</c>…</summary>
    public IReadOnlyList<string> RoutingIndicators { get; init; } = [];

    /// <summary>FL3 originating station routing indicator, <c>RUEHKO</c>.</summary>
    public string? OriginatorRoutingIndicator { get; init; }

    /// <summary>FL3 station serial number, the 4-digit fragment after <c>#</c>.</summary>
    public string? StationSerial { get; init; }

    /// <summary>FL3 section number (<c>/01</c>), if any.</summary>
    public int? Section { get; init; }

    /// <summary>FL3 Julian time <c>DDDHHMM</c>, as written.</summary>
    public string? JulianTime { get; init; }

    /// <summary>FL4 security group, <c>SSSSS</c>, <c>CCCCC</c>, <c>UUUUU</c>, <c>EEEEE</c>, <c>TTTTT</c>.</summary>
    public string? SecurityGroup { get; init; }

    /// <summary>FL4 (and FL5 trailing) operating signals, <c>ZNY</c>, <c>ZZH</c>, <c>ZUI</c>…</summary>
    public IReadOnlyList<string> OperatingSignals { get; init; } = [];

    /// <summary>FL5 precedence letter(s), <c>O</c>, <c>P R</c>.</summary>
    public string? Precedence { get; init; }

    /// <summary>FL5 date-time group as written, <c>180817Z SEP 08</c>.</summary>
    public string? DateTimeGroup { get; init; }

    /// <summary>The date-time group read as UTC.</summary>
    public DateTime? DateTime { get; init; }

    /// <summary>FL6 FM: the originator.</summary>
    public Addressee? From { get; init; }

    /// <summary>FL7 action addressees.</summary>
    public IReadOnlyList<Addressee> To { get; init; } = [];

    /// <summary>FL8 information addressees.</summary>
    public IReadOnlyList<Addressee> Info { get; init; } = [];

    /// <summary>Where the header stands in the cable text.</summary>
    public TextSpan Span { get; init; }
}

/// <summary>
/// One addressee line: <c>[RI "/"] PLAD [PRECEDENCE] [MCN]</c> (cable-format notes §2.7), e.g.
/// <c>RUEHC/SECSTATE WASHDC IMMEDIATE 7334</c>.
/// </summary>
public sealed record Addressee
{
    /// <summary>The routing indicator before the slash (<c>RUEHC</c>, the pseudo-RI <c>ZEN</c>); null when absent.</summary>
    public string? RoutingIndicator { get; init; }

    /// <summary>The plain language address designator, <c>SECSTATE WASHDC</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Precedence word, normalised (<c>IMMEDIATE</c>, <c>NIACT IMMEDIATE</c>, <c>PRIORITY</c>, <c>ROUTINE</c>, <c>FLASH</c>).</summary>
    public string? Precedence { get; init; }

    /// <summary>Message continuity number, or the first of a range.</summary>
    public string? Mcn { get; init; }

    /// <summary>The last MCN of a range (<c>2276-2279</c>), else null.</summary>
    public string? McnEnd { get; init; }

    /// <summary>Members of a collective excluded with XMT.</summary>
    public IReadOnlyList<string> Excluded { get; init; } = [];

    /// <summary>Where the line stands in the cable text.</summary>
    public TextSpan Span { get; init; }
}
