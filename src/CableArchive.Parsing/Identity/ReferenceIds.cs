namespace CableArchive.Parsing.Identity;

/// <summary>Canonical cable reference ids (cable-format notes §6.3–§6.4): <c>08TOKYO2577</c>.</summary>
public static class ReferenceIds
{
    /// <summary>
    /// Canonicalises a reference id as WikiLeaks or cables.csv gives it, repairing the malformed forms
    /// (<c>09SECTION01OF03BRUSSELS1234</c> → <c>09BRUSSELS1234</c>, <c>09EFTOLONDON2468</c> → <c>09LONDON2468</c>).
    /// Returns null when the text is not an id.
    /// </summary>
    public static string? Canonicalize(string? id) => throw new NotImplementedException();

    /// <summary>Builds an id from a year and a banner's origin words and serial: (2008, "TOKYO", "002577") → <c>08TOKYO2577</c>.</summary>
    public static string? FromParts(int year, string originWords, string serial) => throw new NotImplementedException();
}
