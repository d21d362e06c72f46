using System.Globalization;
using CableArchive.Domain.Cables;
using CableArchive.Domain.Classification;

namespace CableArchive.Parsing.Synthetic;

/// <summary>
/// Builds one synthetic cable from one seed: first the random model (post, date, classification, addressees, front matter,
/// portions), then the raw header and body lines that write it, following the layout rules of cable-format.md section by section.
/// Every random choice is drawn from one <see cref="Random"/>, so a seed always gives the same cable.
/// </summary>
internal sealed class CableBuilder
{
    /// <summary>The last date in the Cablegate corpus (cable-format notes §0: CG max 2010-02-26).</summary>
    private static readonly DateTime LastCableDate = new(2010, 2, 26, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string CanaryLetters = "ABCDEFGHIJKLMNOPQRSTUVWYZ"; // no X: a canary must never read as a redaction (§10)

    private readonly Random random;
    private readonly int seed;
    private readonly SyntheticOptions options;
    private readonly List<BodyLine> body = [];
    private readonly List<SyntheticPortion> portions = [];
    private readonly List<string> comments = [];
    private readonly HashSet<string> usedCanaries = new(StringComparer.Ordinal);

    private int year;
    private DateTime created;
    private Post post = Posts.State;
    private ClassificationLevel bannerLevel;
    private bool limitedOfficialUse;
    private bool sensitive;
    private bool noForn;
    private string? distribution;
    private string? releasableTo;
    private int serial;
    private HeaderStyle headerStyle;
    private int frontWidth;
    private int bodyWidth;
    private Prose prose = null!;
    private string? summary;
    private int redactedMarks;
    private readonly List<string> signers = [];

    public CableBuilder(int seed, SyntheticOptions options)
    {
        this.seed = seed;
        this.options = options;
        random = new Random(seed);
    }

    private enum HeaderStyle
    {
        /// <summary>ACP-127: FL1 VZCZC… to FL8 (§2.1.1).</summary>
        Acp127,

        /// <summary>ACP-126: from the DTG on, no routing indicators (§2.1.2).</summary>
        Acp126,

        /// <summary>No header: a WikiLeaks page with one &lt;pre&gt; block (§2.1.4).</summary>
        None,
    }

    private enum LineRole
    {
        FrontMatter,
        Portion,
        Blank,
        Signer,
        Trailer,
        PageBreak,
    }

    private bool Modern => year >= 2004;

    private ClassificationLevel EffectiveLevel =>
        limitedOfficialUse || (sensitive && bannerLevel == ClassificationLevel.Unclassified) ? ClassificationLevel.Sbu : bannerLevel;

    public SyntheticCable Build()
    {
        ChooseBasics();
        var (from, to, info) = ChooseAddressees();
        var header = headerStyle == HeaderStyle.None ? "" : string.Join('\n', HeaderLines(from, to, info));

        var captions = ChooseCaptions();
        var front = BuildFrontMatter(captions);
        BuildPortions();
        BuildSignature();
        var sections = InsertPageBreaks(front.FirstPortionLine);
        var bodyText = RenderBody(sections);

        var caveats = new List<Caveat>();
        if (noForn)
            caveats.Add(Caveat.NoForn);
        if (distribution == "EXDIS")
            caveats.Add(Caveat.Exdis);
        if (distribution == "NODIS")
            caveats.Add(Caveat.Nodis);

        return new SyntheticCable
        {
            Seed = seed,
            Id = string.Create(CultureInfo.InvariantCulture, $"{year % 100:D2}{post.Station}{serial}"),
            DateTime = created,
            Post = post,
            Classification = new ClassificationLabel(EffectiveLevel, caveats),
            HasHeader = headerStyle != HeaderStyle.None,
            From = headerStyle == HeaderStyle.None ? null : from,
            To = headerStyle == HeaderStyle.None ? [] : to,
            Info = headerStyle == HeaderStyle.None ? [] : info,
            SectionCount = sections,
            Captions = captions,
            DeclassifyOn = front.DeclassifyOn,
            Tags = front.Tags,
            Subject = front.Subject,
            References = front.References,
            ClassificationReasons = front.Reasons,
            ClassifiedByName = front.ClassifiedBy,
            Portions = portions,
            Summary = summary,
            Comments = comments,
            Signers = signers,
            RedactionCount = prose.Redactions + redactedMarks,
            HeaderText = header.Replace("{SECTION}", sections > 1 ? "/01" : "", StringComparison.Ordinal),
            BodyText = bodyText,
            Released = new DateTime(2010, 11, 28, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(13)).AddMinutes(random.Next(24 * 60)),
            RecordNumber = 1 + (seed & 0x3FFFF),
            TagsLinked = front.TagsLinked,
            MarkdownAnchorAroundNumber = random.Next(4) != 0,
        };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The basics: date, post, classification, layout.

    private void ChooseBasics()
    {
        // "Dated between December 1966 and February 2010" (§12), most of it from 2004 on.
        var u = random.NextDouble();
        year = u < 0.05 ? random.Next(1966, 1991)
            : u < 0.12 ? random.Next(1991, 2004)
            : WeightedYear();
        var first = year == 1966 ? new DateTime(1966, 12, 1, 0, 0, 0, DateTimeKind.Utc) : new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var last = year == 2010 ? LastCableDate : new DateTime(year, 12, 31, 0, 0, 0, DateTimeKind.Utc);
        created = first.AddDays(random.Next((int)(last - first).TotalDays + 1)).AddHours(random.Next(24)).AddMinutes(random.Next(60));

        post = ChoosePost();

        // CG tallies (§1.3): CONFIDENTIAL most, then SECRET, then the unclassified ones; older cables are more often unclassified.
        var c = random.NextDouble();
        bannerLevel = Modern
            ? c < 0.14 ? ClassificationLevel.Unclassified : c < 0.64 ? ClassificationLevel.Confidential : ClassificationLevel.Secret
            : c < 0.35 ? ClassificationLevel.Unclassified : c < 0.75 ? ClassificationLevel.Confidential : ClassificationLevel.Secret;
        limitedOfficialUse = year < 1995 && bannerLevel == ClassificationLevel.Unclassified && random.NextDouble() < 0.2;
        sensitive = year >= 2002 && bannerLevel == ClassificationLevel.Unclassified && !limitedOfficialUse && random.NextDouble() < 0.5;
        noForn = year >= 2003 && bannerLevel >= ClassificationLevel.Confidential && random.NextDouble() < 0.22;
        distribution = bannerLevel >= ClassificationLevel.Confidential && random.NextDouble() < 0.02 ? (random.Next(2) == 0 ? "EXDIS" : "NODIS") : null;
        releasableTo = Modern && !noForn && bannerLevel >= ClassificationLevel.Confidential && random.NextDouble() < 0.06
            ? Pick(["NATO", "UK", "GERMANY", "ISAF", "AUS"])
            : null;

        serial = post.Kind switch
        {
            PostKind.State => random.NextDouble() < 0.8 ? random.Next(1000, 135000) : random.Next(1, 1000),
            PostKind.Consulate => random.Next(1, 800),
            _ => random.NextDouble() < 0.1 ? random.Next(3500, 9999) : random.Next(1, 3500),
        };

        var h = random.NextDouble();
        var headerless = (post.Kind is PostKind.Embassy or PostKind.State) && h > (Modern ? 0.93 : 0.96);
        headerStyle = headerless ? HeaderStyle.None
            : Modern ? (h < 0.85 ? HeaderStyle.Acp127 : HeaderStyle.Acp126)
            : year >= 1995 ? (h < 0.4 ? HeaderStyle.Acp127 : HeaderStyle.Acp126)
            : HeaderStyle.Acp126;

        // §8.6: ALL CAPS before about 2004, mixed case after; both appear in the same year.
        var capitals = year < 2004 || (year < 2008 ? random.NextDouble() < 0.35 : random.NextDouble() < 0.08);

        // §12: drafted 55–70 characters wide; some cables were re-flowed into one long line per paragraph (§10, J3).
        frontWidth = random.Next(55, 70);
        bodyWidth = Modern && random.NextDouble() < 0.5 ? 0 : frontWidth;

        // §10: WikiLeaks and its partners redacted names in about a quarter of the recent classified cables.
        var redacting = year >= 2005 && bannerLevel >= ClassificationLevel.Confidential && random.NextDouble() < 0.25;
        prose = new Prose(random, post, capitals, redacting ? 0.12 : 0);
    }

    private int WeightedYear()
    {
        // Cablegate's recent years dominate; 2010 has only January and February.
        ReadOnlySpan<int> weights = [8, 10, 14, 16, 20, 22, 4];
        var total = 0;
        foreach (var w in weights)
            total += w;
        var pick = random.Next(total);
        for (var i = 0; i < weights.Length; i++)
        {
            if (pick < weights[i])
                return 2004 + i;
            pick -= weights[i];
        }

        return 2009;
    }

    private Post ChoosePost()
    {
        var active = Posts.All.Where(p => p.FirstYear <= year && p.LastYear >= year).ToList();
        var k = random.NextDouble();
        var kind = k < 0.2 ? PostKind.State : k < 0.84 ? PostKind.Embassy : k < 0.93 ? PostKind.Consulate : PostKind.Mission;
        var candidates = active.Where(p => p.Kind == kind).ToList();
        if (candidates.Count == 0)
            candidates = active.Where(p => p.Kind == PostKind.Embassy).ToList();
        return candidates[random.Next(candidates.Count)];
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The routing header (§2).

    private (SyntheticAddressee From, List<SyntheticAddressee> To, List<SyntheticAddressee> Info) ChooseAddressees()
    {
        var withRoutes = headerStyle == HeaderStyle.Acp127;
        var from = new SyntheticAddressee(null, post.Address, null, null);
        var to = new List<SyntheticAddressee>();
        var info = new List<SyntheticAddressee>();
        var actionPrecedence = PickPrecedence();
        var infoPrecedence = random.NextDouble() < 0.7 ? actionPrecedence : "PRIORITY";

        var others = Posts.All.Where(p => p != post && p.Kind != PostKind.State && p.FirstYear <= year && p.LastYear >= year).ToList();
        if (post.Kind == PostKind.State)
        {
            if (random.NextDouble() < 0.25)
            {
                var (route, name) = Posts.Collectives[random.Next(Posts.Collectives.Count)];
                to.Add(new SyntheticAddressee(withRoutes ? route : null, name, actionPrecedence, null));
            }

            foreach (var target in Sample(others, random.Next(to.Count == 0 ? 1 : 0, 6)))
                to.Add(Addressee(target.RoutingIndicator, target.Address, actionPrecedence, Mcn(0.6), withRoutes));
        }
        else
        {
            // A post reports to the Department, with a message continuity number (§2.7).
            to.Add(Addressee("RUEHC", "SECSTATE WASHDC", actionPrecedence, Mcn(0.95), withRoutes));
            if (random.NextDouble() < 0.1)
            {
                var (route, name) = Posts.Agencies[random.Next(Posts.Agencies.Count)];
                to.Add(Addressee(route, name, actionPrecedence, null, withRoutes));
            }
        }

        var infoCount = random.Next(0, 9);
        for (var i = 0; i < infoCount; i++)
        {
            var pick = random.NextDouble();
            SyntheticAddressee addressee;
            if (pick < 0.55)
            {
                var target = others[random.Next(others.Count)];
                addressee = Addressee(target.RoutingIndicator, target.Address, infoPrecedence, Mcn(0.5), withRoutes);
            }
            else if (pick < 0.85)
            {
                var (route, name) = Posts.Agencies[random.Next(Posts.Agencies.Count)];
                addressee = Addressee(route, name, infoPrecedence, null, withRoutes);
            }
            else
            {
                var (route, name) = Posts.Collectives[random.Next(Posts.Collectives.Count)];
                addressee = new SyntheticAddressee(withRoutes ? route : null, name, random.Next(2) == 0 ? infoPrecedence : null, null);
            }

            if (!info.Any(a => a.Name == addressee.Name) && !to.Any(a => a.Name == addressee.Name))
                info.Add(addressee);
        }

        return (from, to, info);
    }

    private SyntheticAddressee Addressee(string? route, string name, string? precedence, string? mcn, bool withRoutes) =>
        new(withRoutes ? route : null, name, precedence, mcn);

    private string? PickPrecedence()
    {
        // §2.6 tallies: IMMEDIATE and PRIORITY dominate; ROUTINE is mostly left unwritten on the addressee line.
        var p = random.NextDouble();
        return p < 0.36 ? "IMMEDIATE" : p < 0.8 ? "PRIORITY" : p < 0.83 ? "NIACT IMMEDIATE" : p < 0.84 ? "FLASH" : p < 0.88 ? "ROUTINE" : null;
    }

    private string? Mcn(double chance) =>
        random.NextDouble() < chance ? random.Next(0, 10000).ToString("D4", CultureInfo.InvariantCulture) : null;

    private IEnumerable<T> Sample<T>(List<T> items, int count) => items.OrderBy(_ => random.Next()).Take(Math.Min(count, items.Count)).ToList();

    private static char PrecedenceLetter(string? word) => word switch
    {
        "FLASH" => 'Z',
        "IMMEDIATE" or "NIACT IMMEDIATE" => 'O',
        "PRIORITY" => 'P',
        _ => 'R',
    };

    private List<string> HeaderLines(SyntheticAddressee from, List<SyntheticAddressee> to, List<SyntheticAddressee> info)
    {
        var lines = new List<string>();
        var actionLetter = to.Select(a => PrecedenceLetter(a.Precedence)).DefaultIfEmpty('R').MinBy(PrecedenceRank);
        var infoLetter = info.Select(a => PrecedenceLetter(a.Precedence)).DefaultIfEmpty(actionLetter).MinBy(PrecedenceRank);
        var sectionSuffix = "{SECTION}"; // filled in once the page count is known
        var dtg = string.Create(CultureInfo.InvariantCulture,
            $"{created.Day:D2}{created.Hour:D2}{created.Minute:D2}Z {Vocabulary.MonthAbbreviations[created.Month - 1]} {year % 100:D2}");

        if (headerStyle == HeaderStyle.Acp127)
        {
            // FL1 (§2.2): every VZCZCXYZ cable has the single RI RUEHWEB on FL2.
            var webPosting = random.NextDouble() < 0.3;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"VZCZC{(webPosting ? "XYZ" : "XRO")}{random.Next(10000):D4}"));
            var prosign = new string(actionLetter, 2);
            var routes = webPosting
                ? ["RUEHWEB"]
                : info.Concat(to).Select(a => a.RoutingIndicator).Where(r => r is not null && r != "RUEHC").Distinct().Take(random.Next(1, 5)).ToList();
            if (routes.Count == 0)
                routes = [post.RoutingIndicator];
            lines.Add(prosign + " " + string.Join(' ', routes));

            // FL3 (§2.4): station serial = the low four digits of the serial; Julian time DDDHHMM.
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"DE {post.RoutingIndicator} #{serial % 10000:D4}{sectionSuffix} {created.DayOfYear:D3}{created.Hour:D2}{created.Minute:D2}"));

            // FL4 (§2.5): the security group agrees with the banner.
            var group = bannerLevel switch
            {
                ClassificationLevel.Secret => "ZNY SSSSS ZZH",
                ClassificationLevel.Confidential => "ZNY CCCCC ZZH",
                _ => "ZNR UUUUU ZZH",
            };
            lines.Add(random.NextDouble() < 0.03 ? group + " ZUI" : group);
        }

        // FL5 (§2.6): one precedence letter, or two when action and info differ.
        var precedence = infoLetter != actionLetter && random.NextDouble() < 0.5 ? $"{actionLetter} {infoLetter}" : actionLetter.ToString();
        var trailer = random.NextDouble() < 0.03 ? " ZDK" : "";
        lines.Add($"{precedence} {dtg}{trailer}");
        lines.Add("FM " + from.Name);
        AddAddresseeLines(lines, "TO ", to);
        AddAddresseeLines(lines, "INFO ", info);
        return lines;
    }

    private static int PrecedenceRank(char letter) => letter switch
    {
        'Z' => 0,
        'O' => 1,
        'P' => 2,
        _ => 3,
    };

    private static void AddAddresseeLines(List<string> lines, string keyword, List<SyntheticAddressee> addressees)
    {
        for (var i = 0; i < addressees.Count; i++)
        {
            var a = addressees[i];
            var line = (a.RoutingIndicator is null ? "" : a.RoutingIndicator + "/") + a.Name
                + (a.Precedence is null ? "" : " " + a.Precedence)
                + (a.Mcn is null ? "" : " " + a.Mcn);
            lines.Add(i == 0 ? keyword + line : line);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Body front matter: banner, captions, E.O., TAGS, SUBJECT, REF, Classified By (§3–§7).

    private sealed record FrontMatter(
        int FirstPortionLine,
        DateOnly? DeclassifyOn,
        IReadOnlyList<string> Tags,
        bool TagsLinked,
        SyntheticPortion Subject,
        IReadOnlyList<SyntheticReference> References,
        IReadOnlyList<string> Reasons,
        string? ClassifiedBy);

    private sealed record BodyLine(string Text, LineRole Role);

    private List<string> ChooseCaptions()
    {
        var captions = new List<string>();

        // §3.2: SIPDIS on nearly every cable from 2002 on, sometimes doubled; never with EXDIS or NODIS.
        if (year >= 2002 && distribution is null && random.NextDouble() < 0.9)
        {
            captions.Add("SIPDIS");
            if (random.NextDouble() < 0.08)
                captions.Add("SIPDIS");
        }

        if (distribution is not null)
            captions.Add(distribution);
        if (noForn)
            captions.Add("NOFORN");
        if (sensitive)
            captions.Add("SENSITIVE");
        return captions;
    }

    private FrontMatter BuildFrontMatter(List<string> captions)
    {
        // §1.4: some pages put a media partner's date line before the banner.
        if (Modern && headerStyle != HeaderStyle.None && random.NextDouble() < 0.08)
        {
            var local = created.AddHours(random.Next(-2, 4));
            body.Add(new BodyLine(local.ToString("dddd, dd MMMM yyyy, HH:mm", CultureInfo.InvariantCulture), LineRole.FrontMatter));
        }

        body.Add(new BodyLine("{BANNER}", LineRole.FrontMatter));
        Blank();
        if (random.NextDouble() < 0.01 && Modern)
        {
            // §3.2 correction notices sit among the captions.
            body.Add(new BodyLine("C O R R E C T E D C O P Y (ADDED ADDRESSEE)", LineRole.FrontMatter));
        }

        foreach (var caption in captions)
        {
            body.Add(new BodyLine(caption, LineRole.FrontMatter));
            if (random.NextDouble() < 0.6)
                Blank();
        }

        if (Modern && random.NextDouble() < 0.12)
            body.Add(new BodyLine(prose.Pick(Vocabulary.ForLines), LineRole.FrontMatter));
        if (body[^1].Role != LineRole.Blank)
            Blank();

        var (eoLine, declassifyOn) = ExecutiveOrderLine();
        var (tagLines, tags, linked) = TagsLines();
        if (random.NextDouble() < 0.03)
        {
            // §5.1: TAGS can come before E.O.
            AddFront(tagLines);
            AddFront([eoLine]);
        }
        else
        {
            AddFront([eoLine]);
            AddFront(tagLines);
        }

        var subject = SubjectLines();
        if (random.NextDouble() < 0.5)
            Blank();

        var references = References();
        var (reasons, classifiedBy) = ClassifiedByLines();
        if (body[^1].Role != LineRole.Blank)
            Blank();

        return new FrontMatter(body.Count, declassifyOn, tags, linked, subject, references, reasons, classifiedBy);
    }

    private void Blank() => body.Add(new BodyLine("", LineRole.Blank));

    private void AddFront(IEnumerable<string> lines)
    {
        foreach (var line in lines)
            body.Add(new BodyLine(line, LineRole.FrontMatter));
    }

    private (string Line, DateOnly? DeclassifyOn) ExecutiveOrderLine()
    {
        // §4.1, by era: E.O. 11652 (to 1978), 12065 (to 1982), 12356 (to 1995), then 12958.
        if (year < 1978)
            return (random.Next(2) == 0 ? "E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006" : "E.O. 11652: GDS", null);
        if (year < 1982)
            return ($"E.O. 12065: GDS {created.Month}/{created.Day}/{(year + 6) % 100:D2} ({Pick(Vocabulary.Surnames).ToUpperInvariant()}, {Pick(Vocabulary.GivenNames).ToUpperInvariant()}) OR-P", null);
        if (year < 1995)
            return (random.Next(3) == 0 ? "E.O.12356: DECL:OADR" : "E.O. 12356: DECL: OADR", null);

        if (bannerLevel == ClassificationLevel.Unclassified || limitedOfficialUse)
        {
            var n = random.NextDouble();
            return (n < 0.7 ? "E.O. 12958: N/A" : n < 0.9 ? "EO 12958 N/A" : "E.O. 12958:N/A", null);
        }

        var date = DateOnly.FromDateTime(created).AddYears(random.NextDouble() < 0.7 ? 10 : random.Next(5, 26)).AddDays(-random.Next(0, 4));
        var f = random.NextDouble();
        var inv = CultureInfo.InvariantCulture;
        var text = f < 0.5 ? string.Create(inv, $"E.O. 12958: DECL: {date:MM'/'dd'/'yyyy}")
            : f < 0.75 ? string.Create(inv, $"EO 12958 DECL: {date:MM'/'dd'/'yyyy}")
            : f < 0.83 ? string.Create(inv, $"E.O. 12958: DECL: {date:yyyy'/'MM'/'dd}")
            : f < 0.87 ? string.Create(inv, $"EO 12958 DECL: {date:yyyy'/'MM'/'dd}")
            : f < 0.94 ? string.Create(inv, $"E.O. 12958: DECL: {date.Month}/{date.Day}/{date.Year}")
            : string.Create(inv, $"E.O. 12958: DECL: {date:MM'/'dd'/'yy}");
        return (text, date);
    }

    private (List<string> Lines, List<string> Tags, bool Linked) TagsLines()
    {
        var tags = new List<string>();
        void AddTags(IEnumerable<string> items)
        {
            foreach (var item in items)
            {
                if (!tags.Contains(item))
                    tags.Add(item);
            }
        }

        AddTags(Sample(Vocabulary.SubjectTags.Where(t => t != "OVIP").ToList(), random.Next(1, 5)));
        if (random.NextDouble() < 0.4)
            AddTags(Sample(Vocabulary.ProgramTags.ToList(), random.Next(1, 3)));
        AddTags([post.Kind == PostKind.State ? Posts.All[random.Next(1, Posts.All.Count)].CountryTag : post.CountryTag]);
        if (random.NextDouble() < 0.3)
            AddTags(Sample(Posts.All.Select(p => p.CountryTag).Distinct().ToList(), random.Next(1, 3)));
        if (random.NextDouble() < 0.15)
            AddTags([prose.Pick(Vocabulary.OrganizationTags)]);

        // §1.1: the pages link the tags of a "TAGS:" line and leave a "TAGS A, B" line as text; person tags (§5.2) only in the latter.
        var linked = random.NextDouble() < 0.65;
        if (!linked && year >= 2005 && random.NextDouble() < 0.12)
        {
            tags.Insert(0, "OVIP");
            tags.Insert(1, prose.Pick(Vocabulary.PersonTags));
        }

        if (linked)
            return ([$"TAGS: {string.Join(random.Next(3) == 0 ? ", " : " ", tags)}"], tags, true);

        // "TAGS OVIP (CLINTON, HILLARY), PGOV, …": a comma list that wraps after a comma (§5.1).
        var written = new List<string>();
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            written.Add(i > 0 && tags[i - 1] == "OVIP" && tag.Contains(',', StringComparison.Ordinal) ? $"({tag})" : tag);
        }

        var joined = new List<string>();
        for (var i = 0; i < written.Count; i++)
        {
            // The person tag follows OVIP with a blank, not a comma.
            if (written[i].StartsWith('(') && joined.Count > 0)
                joined[^1] += " " + written[i];
            else
                joined.Add(written[i]);
        }

        var lines = new List<string>();
        var line = "TAGS ";
        foreach (var item in joined)
        {
            var piece = item + ",";
            if (line.Length + piece.Length > frontWidth && line != "TAGS ")
            {
                lines.Add(line.TrimEnd());
                line = "";
            }

            line += piece + " ";
        }

        lines.Add(line.TrimEnd().TrimEnd(','));
        return (lines, tags, false);
    }

    private SyntheticPortion SubjectLines()
    {
        var text = prose.SubjectText();
        string? canary = null;
        if (options.Canary)
            text = InsertCanary(text, out canary);

        // §6.1: a portion mark on the subject in a minority of cables.
        var marked = bannerLevel >= ClassificationLevel.Confidential ? random.NextDouble() < 0.35 : Modern && random.NextDouble() < 0.15;
        var (markRaw, mark) = marked ? PortionMark() : (null, null);
        var keyword = random.NextDouble() < 0.03 ? "Subject: " : "SUBJECT: ";
        var prefix = keyword + (markRaw is null ? "" : markRaw + " ");
        AddFront(LineWrapping.Wrap(text, frontWidth, prefix));
        return new SyntheticPortion { Text = text, MarkRaw = markRaw, Mark = mark, Canary = canary };
    }

    private List<SyntheticReference> References()
    {
        var references = new List<SyntheticReference>();
        if (random.NextDouble() > (Modern ? 0.45 : 0.3))
            return references;

        var count = random.Next(1, 6);
        var lettered = count > 1 || random.NextDouble() < 0.3;
        for (var i = 0; i < count; i++)
        {
            var label = lettered ? ((char)('A' + i)).ToString() : null;
            references.Add(random.NextDouble() < (Modern ? 0.85 : 1.0) || !lettered ? CableReference(label) : OtherReference(label));
        }

        // §6.2: "REF: A. …" with items on following lines, or items on one line, labelled "A." or "A)" or "(A)".
        var keyword = random.NextDouble() switch
        {
            < 0.8 => "REF: ",
            < 0.9 => "REFS: ",
            _ => "REFTEL: ",
        };
        if (!lettered)
        {
            AddFront([keyword + references[0].Raw]);
        }
        else if (random.NextDouble() < 0.65)
        {
            var indent = random.Next(3) switch
            {
                0 => "",
                1 => "     ",
                _ => new string(' ', keyword.Length),
            };
            for (var i = 0; i < references.Count; i++)
                AddFront([(i == 0 ? keyword : indent) + $"{references[i].Label}. {references[i].Raw}"]);
        }
        else
        {
            var style = random.Next(2);
            var items = references.Select(r => style == 0 ? $"{r.Label}) {r.Raw}" : $"({r.Label}) {r.Raw}");
            AddFront(LineWrapping.Wrap(string.Join(random.Next(2) == 0 ? " " : ", ", items), frontWidth, keyword));
        }

        Blank();
        return references;
    }

    private SyntheticReference CableReference(string? label)
    {
        // §6.2–6.3: [YY|YYYY] ORIGIN [#]SERIAL [(YY)]; without a year the citing cable's year is meant.
        var candidates = Posts.All.Where(p => p.Kind is PostKind.Embassy or PostKind.Consulate or PostKind.State && p.FirstYear <= year && p.LastYear >= year).ToList();
        var target = random.NextDouble() < 0.4 ? (post.Kind == PostKind.Mission ? Posts.State : post) : candidates[random.Next(candidates.Count)];
        var refYear = random.NextDouble() < 0.6 ? year : Math.Max(1966, year - random.Next(1, 4));
        var refSerial = target.Kind == PostKind.State ? random.Next(100, 130000) : random.Next(1, 3000);
        var words = target.Kind == PostKind.State && random.NextDouble() < 0.2 ? "SECSTATE" : target.BannerWords;
        var serialText = random.NextDouble() < 0.2 ? refSerial.ToString("D5", CultureInfo.InvariantCulture) : refSerial.ToString(CultureInfo.InvariantCulture);
        var yy = (refYear % 100).ToString("D2", CultureInfo.InvariantCulture);
        string raw;
        var yearWritten = refYear != year || random.NextDouble() >= 0.8;
        if (!yearWritten)
        {
            raw = $"{words} {serialText}";
        }
        else
        {
            raw = random.Next(4) switch
            {
                0 => $"{yy} {words} {serialText}",
                1 => $"{refYear} {words} {serialText}",
                2 => $"{words} {serialText} ({yy})",
                _ => $"{yy} {words} {serialText}",
            };
        }

        if (random.NextDouble() < 0.05)
            raw += " (NOTAL)";
        var id = string.Create(CultureInfo.InvariantCulture, $"{yy}{target.Station}{refSerial}");
        return new SyntheticReference(label, raw, id, ReferenceKind.Cable) { YearWritten = yearWritten };
    }

    private SyntheticReference OtherReference(string? label)
    {
        var date = created.AddDays(-random.Next(1, 60));
        var surname = Pick(Vocabulary.Surnames).ToUpperInvariant();
        var other = Pick(Vocabulary.Surnames).ToUpperInvariant();
        var when = date.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);
        if (random.Next(2) == 0)
        {
            var desk = post.Country.Replace("the ", "", StringComparison.Ordinal).ToUpperInvariant().Replace(' ', '-');
            var pattern = Pick(Vocabulary.EmailReferences);
            return new SyntheticReference(label, string.Format(CultureInfo.InvariantCulture, pattern, surname + "-" + desk, when), null, ReferenceKind.Email);
        }

        var meeting = Pick(Vocabulary.ConversationReferences);
        return new SyntheticReference(label, string.Format(CultureInfo.InvariantCulture, meeting, surname, when, other), null, ReferenceKind.Conversation);
    }

    private (List<string> Reasons, string? Name) ClassifiedByLines()
    {
        // §7: classified cables from the mid-1990s on carry the line; the reasons are 1.5 up to 2003 and 1.4 after.
        if (bannerLevel < ClassificationLevel.Confidential || year < 1995 || random.NextDouble() < 0.04)
            return ([], null);

        var section = year < 2004 ? "1.5" : "1.4";
        var letters = new List<char> { 'b', 'd' };
        var l = random.NextDouble();
        if (l < 0.2)
            letters = ['d'];
        else if (l < 0.3)
            letters = ['b', 'c', 'd'];
        else if (l < 0.35)
            letters = ['c'];
        var reasons = letters.Select(c => $"{section}({c})").ToList();

        var upper = random.Next(2) == 0;
        string Letter(char c) => upper ? char.ToUpperInvariant(c).ToString() : c.ToString();
        var written = letters.Count == 1
            ? $"{section} ({Letter(letters[0])})"
            : random.Next(4) switch
            {
                0 => $"{section} ({string.Join(") and (", letters.Select(Letter))})",
                1 => $"{section} ({string.Join("), (", letters.Select(Letter))})",
                2 => $"{section}({string.Join(",", letters.Select(Letter))})",
                _ => $"{section} {string.Join(" and ", letters.Select(Letter))}",
            };

        var name = Pick(Vocabulary.Classifiers);
        var title = Pick(Vocabulary.ClassifierTitles);
        var text = random.Next(4) switch
        {
            0 => $"Classified By: {title} {name}. Reasons {written}.",
            1 => $"Classified By: {title} {name} for reasons {written}.",
            2 => $"CLASSIFIED BY: {name}, {title}, {post.Origin}, Dept of State. REASON: {written}",
            _ => $"Classified By: {title} {name}, Reasons: {written}.",
        };
        if (prose.Capitals)
            text = text.ToUpperInvariant();
        AddFront(LineWrapping.Wrap(text, frontWidth));
        return (reasons, name);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Portions: paragraphs, sub-paragraphs, summary and comment (§8).

    private void BuildPortions()
    {
        // Real cables average 6–10 KB: about ten paragraphs, with a long tail.
        var count = Math.Clamp((int)Math.Round(Math.Exp(Math.Log(10.5) + 0.5 * Gaussian())), 2, 45);
        var summaryStyle = random.NextDouble() < (Modern ? 0.55 : 0.35) ? (Modern || random.Next(2) == 0 ? 1 : 2) : 0;
        var commentLast = count >= 3 && random.NextDouble() < 0.4;
        var subParagraphsAt = count >= 3 && random.NextDouble() < 0.15 ? random.Next(2, count) : -1;
        var signerInline = count >= 3 && random.NextDouble() < 0.02;
        var marked = year >= 2000 || (year >= 1995 && random.NextDouble() < 0.5);

        if (summaryStyle == 2)
        {
            // An unnumbered SUMMARY block above paragraph 1 (§8.3; 72TEHRAN5055).
            var (text, canary, content) = Delimited(Cased("Summary:"), Cased("End Summary."), prose.Sentences(random.Next(2, 5)));
            summary = content;
            foreach (var line in LineWrapping.Wrap(text, bodyWidth))
                body.Add(new BodyLine(line, LineRole.Portion));
            Blank();
            portions.Add(new SyntheticPortion { Text = text, Canary = canary });
        }

        for (var n = 1; n <= count; n++)
        {
            var (markRaw, mark) = marked && random.NextDouble() < 0.96 ? PortionMark() : (null, null);
            string text;
            string? canary;
            List<string>? bullets = null;
            List<string>? continuation = null;
            List<LetteredPortion>? subParagraphs = null;

            if (n == 1 && summaryStyle == 1)
            {
                // "1. (C) Summary: … End Summary." (§8.3).
                var start = Cased(Pick(["Summary:", "Summary:", "Summary.", "SUMMARY:"]));
                var end = Cased(Pick(["End Summary.", "End summary.", "END SUMMARY.", "END SUMMARY"]));
                (text, canary, summary) = Delimited(start, end, prose.Sentences(random.Next(2, 6)));
                AddParagraph(n, markRaw, mark, text, [], canary);
                continue;
            }

            if (n == count && signerInline)
            {
                // §9: "21.  BEIRUT MINIMIZE CONSIDERED.  EAGLETON": the signer on the last text line.
                text = MaybeCanary(Cased($"{Posts.TitleCase(post.BannerWords)} minimize considered."), out canary);
                var signer = SignerName();
                signers.Add(signer.ToUpperInvariant());
                AddParagraph(n, marked ? "(U)" : null, marked ? ClassificationLabel.Unclassified : null, text, [], canary, inlineSigner: signer);
                continue;
            }

            if (n == count && commentLast)
            {
                // "9. (C/NF) COMMENT: … END COMMENT" (§8.4).
                var start = Cased(Pick(["Comment:", "Comment:", "COMMENT:"]));
                var end = Cased(Pick(["End Comment.", "End comment.", "END COMMENT."]));
                string content;
                (text, canary, content) = Delimited(start, end, prose.Sentences(random.Next(2, 5)));
                comments.Add(content);
                AddParagraph(n, markRaw, mark, text, [], canary);
                continue;
            }

            if (n == subParagraphsAt)
            {
                // Lettered items after an introducing sentence (§8.1). An item with its own mark is a sub-paragraph, a portion
                // of its own (A. (C) …); an unmarked item stays in the portion before it and is governed by that portion's mark.
                text = MaybeCanary(Cased(Pick(["The main points of the discussion follow:", "The proposal has several elements:", "Contacts offered the following views:"])), out canary);
                subParagraphs = [];
                continuation = [];
                var letters = random.Next(2, 6);
                for (var i = 0; i < letters; i++)
                {
                    var letter = ((char)('A' + i)).ToString();
                    var (subRaw, subMark) = markRaw is not null && random.NextDouble() < 0.7 ? PortionMark() : (null, null);
                    if (subRaw is null)
                    {
                        var item = $"{letter}. {prose.Sentences(random.Next(1, 4))}";
                        (subParagraphs.Count == 0 ? continuation : subParagraphs[^1].Continuation).Add(item);
                        continue;
                    }

                    var subText = MaybeCanary(prose.Sentences(random.Next(1, 4)), out var subCanary);
                    subParagraphs.Add(new LetteredPortion(new SyntheticPortion { Number = letter, Level = 1, MarkRaw = subRaw, Mark = subMark, Text = subText, Canary = subCanary }, []));
                }
            }
            else if (random.NextDouble() < 0.08)
            {
                // "-- " bullets stay inside their paragraph (§8.1).
                text = MaybeCanary(prose.Sentence().TrimEnd('.') + ":", out canary);
                bullets = [.. Enumerable.Range(0, random.Next(2, 5)).Select(_ => "-- " + prose.Sentence())];
            }
            else
            {
                text = MaybeCanary(prose.Sentences(random.Next(2, 8)), out canary);
                if (random.NextDouble() < 0.06)
                {
                    // An inline comment: "(Comment: … End comment.)" (§8.4).
                    var content = prose.Sentences(random.Next(1, 3));
                    text += $" {Cased("(Comment:")} {content} {Cased("End comment.)")}";
                    comments.Add(content);
                }
            }

            var markRedacted = prose.Redactions > 0 && n > 1 && random.NextDouble() < 0.04;
            if (markRedacted)
            {
                // §10: a redaction can take the place of the mark: "¶2. XXXXXXXXXXXX He confirmed that…".
                text = Prose.RedactionToken + " " + text;
                (markRaw, mark) = (null, null);
                redactedMarks++;
            }

            AddParagraph(n, markRaw, mark, text, bullets ?? continuation ?? [], canary, markRedacted, blankBetween: continuation is not null);
            foreach (var (sub, items) in subParagraphs ?? [])
            {
                foreach (var line in LineWrapping.Wrap(sub.Text, bodyWidth, $"{sub.Number}. {sub.MarkRaw} "))
                    body.Add(new BodyLine(line, LineRole.Portion));
                Blank();
                AddContinuation(items, blankBetween: true);
                portions.Add(items.Count == 0 ? sub : sub with { Text = sub.Text + " " + string.Join(' ', items) });
            }
        }
    }

    /// <summary>A lettered sub-paragraph and the unmarked lettered items that follow it (they belong to its text).</summary>
    private sealed record LetteredPortion(SyntheticPortion Portion, List<string> Continuation);

    private void AddContinuation(List<string> items, bool blankBetween)
    {
        foreach (var item in items)
        {
            foreach (var line in LineWrapping.Wrap(item, bodyWidth))
                body.Add(new BodyLine(line, LineRole.Portion));
            if (blankBetween)
                Blank();
        }
    }

    /// <summary>
    /// A summary or comment: start marker, content, end marker; in canary mode the canary goes inside the content, never
    /// between the words of a marker.
    /// </summary>
    private (string Text, string? Canary, string Content) Delimited(string start, string end, string content)
    {
        content = MaybeCanary(content, out var canary);
        return ($"{start} {content} {end}", canary, content);
    }

    private void AddParagraph(int number, string? markRaw, ClassificationLabel? mark, string text, List<string> continuation, string? canary,
        bool markRedacted = false, string? inlineSigner = null, bool blankBetween = false)
    {
        // §8.1: "1. (C) text", "1.  (U)  text", "1.(U) text".
        var style = random.NextDouble();
        var prefix = markRaw is null ? $"{number}. "
            : style < 0.85 ? $"{number}. {markRaw} "
            : style < 0.95 ? $"{number}.  {markRaw}  "
            : $"{number}.{markRaw} ";
        var lines = LineWrapping.Wrap(text, bodyWidth, prefix);
        if (inlineSigner is not null)
            lines[^1] += "  " + inlineSigner;
        foreach (var line in lines)
            body.Add(new BodyLine(line, LineRole.Portion));

        // "-- " bullets follow on their own lines; unmarked lettered items each after a blank line.
        if (blankBetween && continuation.Count > 0)
            Blank();
        AddContinuation(continuation, blankBetween);
        if (!blankBetween || continuation.Count == 0)
            Blank();
        portions.Add(new SyntheticPortion
        {
            Number = number.ToString(CultureInfo.InvariantCulture),
            MarkRaw = markRaw,
            Mark = mark,
            MarkRedacted = markRedacted,
            Text = continuation.Count == 0 ? text : text + " " + string.Join(' ', continuation),
            Canary = canary,
        });
    }

    private (string? Raw, ClassificationLabel? Label) PortionMark()
    {
        // §8.2: a portion is never marked above the banner; NOFORN marks in NOFORN cables, REL TO marks in the others.
        var top = EffectiveLevel;
        ClassificationLevel level;
        var p = random.NextDouble();
        if (top >= ClassificationLevel.Secret)
            level = p < 0.5 ? ClassificationLevel.Secret : p < 0.85 ? ClassificationLevel.Confidential : p < 0.93 ? ClassificationLevel.Sbu : ClassificationLevel.Unclassified;
        else if (top == ClassificationLevel.Confidential)
            level = p < 0.72 ? ClassificationLevel.Confidential : p < 0.86 ? ClassificationLevel.Sbu : ClassificationLevel.Unclassified;
        else if (top == ClassificationLevel.Sbu)
            level = p < 0.65 ? ClassificationLevel.Sbu : ClassificationLevel.Unclassified;
        else
            level = ClassificationLevel.Unclassified;

        var f = random.NextDouble();
        if (noForn && level >= ClassificationLevel.Confidential && random.NextDouble() < 0.6)
        {
            var code = level == ClassificationLevel.Secret ? "S" : "C";
            if (level == ClassificationLevel.Secret && f < 0.06)
                return ("(S//FGI//NF)", new ClassificationLabel(level, [Caveat.Fgi, Caveat.NoForn]));
            var raw = f < 0.6 ? $"({code}/NF)" : f < 0.85 ? $"({code}//NF)" : f < 0.92 ? $"({code} NF)" : f < 0.97 ? $"({code}/NOFORN)" : $"({code}-NF)";
            return (raw, new ClassificationLabel(level, [Caveat.NoForn]));
        }

        if (releasableTo is not null && level >= ClassificationLevel.Confidential && random.NextDouble() < 0.7)
        {
            var code = level == ClassificationLevel.Secret ? "S" : "C";
            var written = f < 0.7 ? $"({code}/REL {releasableTo})" : f < 0.85 ? $"({code}//REL {releasableTo})" : $"({code}/Rel {Posts.TitleCase(releasableTo)})";
            return (written, new ClassificationLabel(level, [Caveat.ReleasableTo([releasableTo])]));
        }

        var plain = level switch
        {
            ClassificationLevel.Unclassified => f < 0.95 ? "(U)" : "(u)",
            ClassificationLevel.Sbu => f < 0.9 ? "(SBU)" : "(U//FOUO)",
            ClassificationLevel.Confidential => f < 0.92 ? "(C)" : f < 0.97 ? "(c)" : "( C )",
            _ => f < 0.95 ? "(S)" : "(s)",
        };
        return (plain, new ClassificationLabel(level));
    }

    private string Cased(string text) => prose.Capitals ? text.ToUpperInvariant() : text;

    private string MaybeCanary(string text, out string? canary)
    {
        canary = null;
        return options.Canary ? InsertCanary(text, out canary) : text;
    }

    /// <summary>Puts a fresh canary token (unique in this cable) between two words of <paramref name="text"/>.</summary>
    private string InsertCanary(string text, out string canary)
    {
        string token;
        Span<char> letters = stackalloc char[12];
        do
        {
            for (var i = 0; i < letters.Length; i++)
                letters[i] = CanaryLetters[random.Next(CanaryLetters.Length)];
            token = "CANARY" + new string(letters);
        }
        while (!usedCanaries.Add(token));

        canary = token;
        var spaces = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ')
                spaces.Add(i);
        }

        if (spaces.Count == 0)
            return text + " " + token;
        var at = spaces[random.Next(spaces.Count)];
        return text[..at] + " " + token + text[at..];
    }

    private double Gaussian()
    {
        // Box–Muller: enough for a size distribution.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    // ---------------------------------------------------------------------------------------------------------------
    // Signature and trailers (§9).

    private string SignerName()
    {
        var name = post.Kind == PostKind.State
            ? Vocabulary.Secretaries.First(s => s.From <= year && s.To >= year).Name
            : Pick(Vocabulary.ChiefsOfMission);

        // §9: CG often has mixed case for one-word surnames (Beyrle, Stapleton); two-word ones are written in capitals (VAN VOORST).
        return year >= 2006 && !name.Contains(' ', StringComparison.Ordinal) && random.NextDouble() < 0.1 ? Posts.TitleCase(name) : name;
    }

    private void BuildSignature()
    {
        if (signers.Count == 0)
        {
            // §9: a few cables have no signer; they end with a paragraph (kept long, so no line of it reads as a name).
            if (bodyWidth == 0 && random.NextDouble() < 0.03)
                return;

            if (random.NextDouble() < 0.3)
                Blank();
            var name = SignerName();
            body.Add(new BodyLine(name, LineRole.Signer));
            signers.Add(name.ToUpperInvariant());
            if (post.Kind != PostKind.State && random.NextDouble() < 0.02)
            {
                var second = Pick(Vocabulary.ChiefsOfMission.Where(n => !n.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList());
                body.Add(new BodyLine(second, LineRole.Signer));
                signers.Add(second.ToUpperInvariant());
            }
        }

        // §9: what follows the signer: a trailing classification line in older cables, NNNN now and then.
        if (year < 1995 && random.NextDouble() < 0.4)
        {
            Blank();
            body.Add(new BodyLine(limitedOfficialUse ? "LIMITED OFFICIAL USE" : bannerLevel.ToLabel(), LineRole.Trailer));
        }
        else if (random.NextDouble() < 0.02)
        {
            body.Add(new BodyLine("NNNN", LineRole.Trailer));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Page breaks, banner, final text (§3.1, §3.3).

    private int InsertPageBreaks(int firstPortionLine)
    {
        // Older multi-section cables come without page-break lines (79TEHRAN8980): only the banner says SECTION 01 OF 02.
        var length = body.Sum(l => l.Text.Length + 1);
        if (!Modern)
            return random.NextDouble() < 0.8 ? 1 : random.Next(2, 4);
        if (length < 4000 || random.NextDouble() < 0.15)
            return 1;

        // Plan the breaks first, at even character offsets between the first paragraph and the signer, then write them.
        var lastAllowed = body.FindIndex(l => l.Role == LineRole.Signer);
        if (lastAllowed < 0)
            lastAllowed = body.Count - 1;
        var wanted = Math.Min(1 + length / 3600, 12);
        var plan = new List<(int Line, int Split)>();
        for (var page = 2; page <= wanted; page++)
        {
            var target = length * (page - 1) / wanted;
            var (index, offset) = (0, 0);
            while (index < body.Count - 1 && offset + body[index].Text.Length + 1 <= target)
            {
                offset += body[index].Text.Length + 1;
                index++;
            }

            var line = body[index].Text;
            if (bodyWidth == 0 && body[index].Role == LineRole.Portion && line.Length > 160 && index > firstPortionLine)
            {
                // A re-flowed paragraph is one long line: the break splits it between two words (10USNATO52).
                var split = FindSplit(line, Math.Clamp(target - offset, 60, line.Length - 60));
                if (split > 0 && !plan.Any(p => p.Line == index))
                {
                    plan.Add((index, split));
                    continue;
                }
            }

            var before = Math.Max(index + 1, firstPortionLine + 1);
            if (before <= lastAllowed && !plan.Any(p => p.Line >= before))
                plan.Add((before, -1));
        }

        if (plan.Count == 0)
            return 1;

        var pages = plan.Count + 1;
        var separator = random.Next(2) == 0 ? " " : "  ";
        var mixedCase = random.NextDouble() < 0.02;
        string BreakLine(string page) => mixedCase
            ? string.Create(CultureInfo.InvariantCulture, $"{Posts.TitleCase(post.BannerWords)} {serial:D8}{separator}{page} of {pages:D3}")
            : string.Create(CultureInfo.InvariantCulture, $"{post.BannerWords} {serial:D8}{separator}{page} OF {pages:D3}");

        for (var i = plan.Count - 1; i >= 0; i--)
        {
            var (index, split) = plan[i];
            var breakLine = new BodyLine(BreakLine((i + 2).ToString("D3", CultureInfo.InvariantCulture)), LineRole.PageBreak);
            if (split < 0)
            {
                body.Insert(index, breakLine);
                continue;
            }

            var line = body[index];
            body[index] = line with { Text = line.Text[..split] };
            body.Insert(index + 1, breakLine);
            body.Insert(index + 2, line with { Text = line.Text[(split + 1)..] });
        }

        // §3.3: "001.2 OF 00N" just after the header block on page 1.
        if (random.NextDouble() < 0.12)
            body.Insert(firstPortionLine, new BodyLine(BreakLine("001.2"), LineRole.PageBreak));
        return pages;
    }

    private static int FindSplit(string text, int near)
    {
        for (var i = near; i < text.Length - 1; i++)
        {
            if (text[i] != ' ')
                continue;
            var next = text.IndexOf(' ', i + 1);
            var word = next < 0 ? text.AsSpan(i + 1) : text.AsSpan(i + 1, next - i - 1);
            if (!LineWrapping.StartsLikeParagraphNumber(word) && !word.StartsWith("--"))
                return i;
        }

        return -1;
    }

    private string RenderBody(int sections)
    {
        // The body ends with its last written line: a signer, a trailer or, for a cable without signer, its last paragraph.
        while (body.Count > 0 && body[^1].Role == LineRole.Blank)
            body.RemoveAt(body.Count - 1);

        var banner = BannerLine(sections);
        var trailingSpaces = random.NextDouble() < 0.35;
        var lines = body.Select(l => l.Text == "{BANNER}" ? banner : l.Text)
            .Select(t => trailingSpaces && (t.Length > 0 || random.Next(3) == 0) ? t + " " : t);
        return string.Join('\n', lines);
    }

    private string BannerLine(int sections)
    {
        // §3.1: spaced-letter levels; UNCLAS; old cables write the level plainly and the serial unpadded or with five digits.
        var r = random.NextDouble();
        var level = limitedOfficialUse ? "LIMITED OFFICIAL USE" : bannerLevel switch
        {
            ClassificationLevel.Secret => r < 0.92 ? "S E C R E T" : r < 0.98 ? "SECRET" : "SS E C R E T",
            ClassificationLevel.Confidential => r < 0.95 ? "C O N F I D E N T I A L" : "CONFIDENTIAL",
            _ => year < 1995 || r < 0.1 ? "UNCLASSIFIED" : "UNCLAS",
        };
        var section = sections > 1 ? string.Create(CultureInfo.InvariantCulture, $" SECTION 01 OF {sections:D2}") : "";
        var serialText = year >= 1995 ? serial.ToString("D6", CultureInfo.InvariantCulture)
            : random.Next(2) == 0 ? serial.ToString("D5", CultureInfo.InvariantCulture) : serial.ToString(CultureInfo.InvariantCulture);
        return $"{level}{section} {post.BannerWords} {serialText}";
    }
}
