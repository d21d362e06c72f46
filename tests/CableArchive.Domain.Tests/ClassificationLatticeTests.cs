using CableArchive.Domain.Classification;

namespace CableArchive.Domain.Tests;

/// <summary>
/// The lattice laws, checked exhaustively over every label built from the five levels and subsets of a
/// representative set of caveats (restrictive, non-restrictive and REL TO): 5 × 2^6 = 320 labels, 100k pairs.
/// </summary>
public class ClassificationLatticeTests
{
    private static readonly Caveat[] Universe =
    [
        Caveat.NoForn, Caveat.Orcon, Caveat.Exdis, Caveat.Sipdis, Caveat.Fgi, Caveat.FromCode("REL TO UK"),
    ];

    public static IReadOnlyList<ClassificationLabel> AllLabels { get; } = BuildAll();

    private static ClassificationLabel[] BuildAll()
    {
        var labels = new List<ClassificationLabel>();
        foreach (var level in ClassificationLevels.All)
        {
            for (var mask = 0; mask < 1 << Universe.Length; mask++)
                labels.Add(new ClassificationLabel(level, Universe.Where((_, i) => (mask & (1 << i)) != 0)));
        }

        return [.. labels];
    }

    [Fact]
    public void Dominates_is_reflexive()
    {
        foreach (var a in AllLabels)
            Assert.True(a.Dominates(a), $"{a} should dominate itself");
    }

    [Fact]
    public void Dominates_is_transitive()
    {
        // Sampled: all triples would be 32 million checks.
        var random = new Random(7);
        for (var n = 0; n < 200_000; n++)
        {
            var (a, b, c) = (Pick(random), Pick(random), Pick(random));
            if (a.Dominates(b) && b.Dominates(c))
                Assert.True(a.Dominates(c), $"{a} ≥ {b} ≥ {c} but not {a} ≥ {c}");
        }
    }

    [Fact]
    public void Join_is_an_upper_bound_and_the_least_one()
    {
        foreach (var a in AllLabels)
        {
            foreach (var b in AllLabels)
            {
                var join = a.Join(b);
                Assert.True(join.Dominates(a), $"{a} ⊔ {b} = {join} does not dominate {a}");
                Assert.True(join.Dominates(b), $"{a} ⊔ {b} = {join} does not dominate {b}");
            }
        }

        var random = new Random(11);
        for (var n = 0; n < 100_000; n++)
        {
            var (a, b, c) = (Pick(random), Pick(random), Pick(random));
            if (c.Dominates(a) && c.Dominates(b))
                Assert.True(c.Dominates(a.Join(b)), $"{c} bounds {a} and {b} but not their join {a.Join(b)}");
        }
    }

    [Fact]
    public void Join_is_commutative_associative_and_idempotent_in_order()
    {
        var random = new Random(13);
        for (var n = 0; n < 50_000; n++)
        {
            var (a, b, c) = (Pick(random), Pick(random), Pick(random));
            Assert.True(a.Join(b).Dominates(b.Join(a)) && b.Join(a).Dominates(a.Join(b)), $"{a} ⊔ {b} is not commutative");
            var left = a.Join(b).Join(c);
            var right = a.Join(b.Join(c));
            Assert.True(left.Dominates(right) && right.Dominates(left), $"({a} ⊔ {b}) ⊔ {c} = {left} but {a} ⊔ ({b} ⊔ {c}) = {right}");
            Assert.Equal(a.Level, a.Join(a).Level);
        }
    }

    [Fact]
    public void Clearance_dominance_is_monotone()
    {
        // A clearance that reads a label also reads everything that label dominates.
        var clearances = ClassificationLevels.All
            .SelectMany(level => new[] { Clearance.Of(level), Clearance.Of(level, "NOFORN"), Clearance.Of(level, "NOFORN", "ORCON", "EXDIS") })
            .ToList();
        var random = new Random(17);
        foreach (var clearance in clearances)
        {
            for (var n = 0; n < 20_000; n++)
            {
                var (a, b) = (Pick(random), Pick(random));
                if (a.Dominates(b) && clearance.Dominates(a))
                    Assert.True(clearance.Dominates(b), $"{clearance} reads {a} but not {b}, which {a} dominates");
            }
        }
    }

    [Fact]
    public void Higher_levels_dominate_lower_ones_and_not_the_reverse()
    {
        for (var i = 0; i < ClassificationLevels.All.Count; i++)
        {
            for (var j = 0; j < ClassificationLevels.All.Count; j++)
            {
                var a = new ClassificationLabel(ClassificationLevels.All[i]);
                var b = new ClassificationLabel(ClassificationLevels.All[j]);
                Assert.Equal(i >= j, a.Dominates(b));
            }
        }
    }

    [Fact]
    public void A_restrictive_caveat_is_not_dominated_by_a_label_without_it()
    {
        var secret = new ClassificationLabel(ClassificationLevel.Secret);
        var confidentialNoForn = new ClassificationLabel(ClassificationLevel.Confidential, [Caveat.NoForn]);
        Assert.False(secret.Dominates(confidentialNoForn));
        Assert.False(confidentialNoForn.Dominates(secret));
        Assert.Equal("SECRET//NOFORN", secret.Join(confidentialNoForn).ToWikiLeaksLabel());
    }

    [Fact]
    public void Non_restrictive_caveats_do_not_restrict()
    {
        var secret = new ClassificationLabel(ClassificationLevel.Secret);
        Assert.True(secret.Dominates(new ClassificationLabel(ClassificationLevel.Secret, [Caveat.Sipdis, Caveat.Fgi, Caveat.FromCode("REL TO UK")])));
    }

    [Fact]
    public void Unknown_caveats_restrict()
    {
        var secret = new ClassificationLabel(ClassificationLevel.TopSecret, [Caveat.NoForn, Caveat.Orcon]);
        Assert.False(secret.Dominates(new ClassificationLabel(ClassificationLevel.Confidential, [Caveat.FromCode("WNINTEL")])));
        Assert.False(Clearance.Of(ClassificationLevel.TopSecret, "NOFORN", "ORCON", "EXDIS", "NODIS").Dominates(ClassificationLabel.Unknown));
    }

    [Fact]
    public void Rel_to_survives_a_join_only_where_both_sides_release_to_the_same_country()
    {
        var uk = ClassificationLabel.Parse("S//REL UK")!;
        var ukFrance = ClassificationLabel.Parse("C//REL TO UK, FRANCE")!;
        Assert.Equal("SECRET//REL TO UK", uk.Join(ukFrance).ToString());
        Assert.Equal("SECRET", uk.Join(new ClassificationLabel(ClassificationLevel.Secret)).ToString());
        Assert.Equal("SECRET//NOFORN", uk.Join(ClassificationLabel.Parse("C//NF")!).ToString());
    }

    private static ClassificationLabel Pick(Random random) => AllLabels[random.Next(AllLabels.Count)];
}
