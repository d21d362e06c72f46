using System.Collections.Frozen;

namespace CableArchive.Web.Reading;

/// <summary>
/// What TAGS codes mean (cable-format notes §5.2), from the glossary the project ships (<c>Reading/tags.tsv</c>,
/// embedded). A person tag (<c>CLINTON, HILLARY</c>) is explained as such; an unknown code has no meaning, not a guess.
/// </summary>
public sealed class TagGlossary
{
    private readonly FrozenDictionary<string, string> meanings;

    private TagGlossary(FrozenDictionary<string, string> meanings) => this.meanings = meanings;

    /// <summary>How many codes the glossary explains.</summary>
    public int Count => meanings.Count;

    /// <summary>Loads the glossary embedded in this assembly.</summary>
    public static TagGlossary Load()
    {
        using var stream = typeof(TagGlossary).Assembly.GetManifestResourceStream("CableArchive.Web.tags.tsv")
            ?? throw new InvalidOperationException("The TAGS glossary is not embedded in the web assembly.");
        using var reader = new StreamReader(stream);
        var entries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0)
                entries[line[..tab].Trim()] = line[(tab + 1)..].Trim();
        }

        return new TagGlossary(entries.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The meaning of <paramref name="code"/>, or null when the glossary does not know it.</summary>
    public string? Meaning(string code)
    {
        if (meanings.TryGetValue(code, out var meaning))
            return meaning;

        // Person tags are "SURNAME, GIVEN" (§5.2).
        return code.Contains(',', StringComparison.Ordinal) ? "Person" : null;
    }
}
