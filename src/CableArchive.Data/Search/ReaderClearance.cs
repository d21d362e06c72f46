using CableArchive.Data.Accounts;
using CableArchive.Domain.Classification;
using Npgsql;
using NpgsqlTypes;

namespace CableArchive.Data.Search;

/// <summary>
/// A reader's clearance in the form the SQL read rule takes: a level and the codes of the caveats held. Every query that
/// touches portion text filters with <see cref="Readable"/>, the exact equivalent of
/// <see cref="ReadRule.CanRead"/> over the stored effective label of each portion (<c>read_level</c>,
/// <c>read_caveats</c>, written by the import from <see cref="PortionMarking.EffectiveLabel"/>).
/// </summary>
public sealed record ReaderClearance
{
    private ReaderClearance(short level, string[] grants)
    {
        Level = level;
        Grants = grants;
    }

    /// <summary>The reader's level as stored (<see cref="ClassificationLevel"/> values).</summary>
    public short Level { get; }

    /// <summary>The caveat codes the reader holds, sorted.</summary>
    public IReadOnlyList<string> Grants { get; }

    /// <summary>
    /// The clearance of <paramref name="clearance"/>. Only grantable caveats pass (<see cref="AccountClearance.Grantable"/>),
    /// so that nobody can ever hold the <c>UNKNOWN</c> caveat of unreadable labels.
    /// </summary>
    public static ReaderClearance Of(Clearance clearance) => new(
        (short)clearance.Level,
        clearance.Grants.Select(g => g.Code).Where(code => AccountClearance.Grantable.Contains(code, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToArray());

    /// <summary>
    /// The read rule in SQL for the portion table aliased <paramref name="alias"/>: the reader's level is at least the
    /// portion's, and the reader holds every restrictive caveat the portion carries (an array containment).
    /// </summary>
    public static string Readable(string alias) => $"({alias}.read_level <= @reader_level AND {alias}.read_caveats <@ @reader_grants)";

    /// <summary>Whether some level is above the reader's, so that <see cref="ReadableLevelsInIndex"/> leaves portions out.</summary>
    public bool ReadsBelowTop => Level < (short)ClassificationLevel.TopSecret;

    /// <summary>
    /// The levels the reader may read as a condition the full-text indexes of paragraphs and of their phrase pairs answer,
    /// for the table aliased <paramref name="alias"/>: they hold each row's read level beside its vector, as a one-element
    /// array so that any number of levels is one overlap (a list of equal keys stepped through beside the terms' posting
    /// lists in the same pass). It only spares fetching rows of other levels: it never replaces <see cref="Readable"/>,
    /// which checks the caveats too.
    /// </summary>
    public static string ReadableLevelsInIndex(string alias) => $"ARRAY[{alias}.read_level] && @reader_levels";

    /// <summary>Adds the parameters <see cref="Readable"/> and <see cref="ReadableLevelsInIndex"/> use.</summary>
    public void AddParameters(NpgsqlParameterCollection parameters)
    {
        parameters.Add(new NpgsqlParameter("reader_level", NpgsqlDbType.Smallint) { Value = Level });
        parameters.Add(new NpgsqlParameter("reader_grants", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = Grants.ToArray() });
        parameters.Add(new NpgsqlParameter("reader_levels", NpgsqlDbType.Array | NpgsqlDbType.Smallint)
        {
            Value = Enumerable.Range(0, Math.Max(0, Level + 1)).Select(level => (short)level).ToArray(),
        });
    }

    /// <summary>A short text for logs and audit records: <c>SECRET + NOFORN</c>.</summary>
    public override string ToString() =>
        ((ClassificationLevel)Level).ToLabel() + (Grants.Count == 0 ? "" : " + " + string.Join(", ", Grants));
}
