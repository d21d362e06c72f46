using CableArchive.Data.Accounts;
using CableArchive.Domain;
using CableArchive.Domain.Classification;
using CableArchive.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CableArchive.Web.Pages.Admin;

/// <summary>How one caveat takes part in the read rule.</summary>
/// <param name="Code">The caveat's code (or a description of a family of codes).</param>
/// <param name="Restrictive">Whether a reader must hold it to read what it marks.</param>
/// <param name="Grantable">Whether an admin may grant it.</param>
public sealed record CaveatRule(string Code, bool Restrictive, bool Grantable);

/// <summary>An example portion and the label the read rule gives it.</summary>
/// <param name="Description">What kind of portion it is.</param>
/// <param name="Marking">Its marking.</param>
/// <param name="Banner">The cable's banner, null when it cannot be read.</param>
public sealed record PortionCase(string Description, PortionMarking Marking, ClassificationLabel? Banner)
{
    /// <summary>The label the read rule compares with a clearance.</summary>
    public ClassificationLabel Effective => Marking.EffectiveLabel(Banner);
}

/// <summary>
/// The read rule and the caveats the archive enforces, rendered from the lists the code itself uses (the Domain's
/// levels and caveats, <see cref="AccountClearance.Grantable"/>) and examples computed with <see cref="ReadRule"/>, so
/// that the page cannot drift from what is enforced.
/// </summary>
public sealed class ReadRuleModel(CurrentReader readers) : PageModel
{
    private static readonly ClassificationLabel ExampleBanner = ClassificationLabel.Parse("SECRET//NOFORN")!;

    /// <summary>Every caveat the archive knows, restrictive and grantable ones first, then the families.</summary>
    public static IReadOnlyList<CaveatRule> Caveats { get; } =
    [
        .. AccountClearance.Grantable
            .Concat(ClassificationLabel.Unknown.RestrictiveCaveats.Select(c => c.Code))
            .Concat(Caveat.NonRestrictiveCodes)
            .Select(code => new CaveatRule(code, Caveat.FromCode(code).IsRestrictive, AccountClearance.Grantable.Contains(code))),
        new("REL TO (any countries)", Caveat.ReleasableTo(["UK"]).IsRestrictive, Grantable: false),
        new("any other code", Caveat.FromCode("NOT-A-KNOWN-CAVEAT").IsRestrictive, Grantable: false),
    ];

    /// <summary>Examples of portions in a cable whose banner is SECRET//NOFORN, and one in a cable without a banner.</summary>
    public static IReadOnlyList<PortionCase> Cases { get; } =
    [
        new("A portion marked (C)", PortionMarking.Parse("C", "(C)", TextSpan.None)!, ExampleBanner),
        new("An unmarked portion", PortionMarking.Unmarked, ExampleBanner),
        new("A portion whose mark cannot be read: (S//QX)", PortionMarking.Parse("S//QX", "(S//QX)", TextSpan.None)!, ExampleBanner),
        new("An unmarked portion of a cable whose banner cannot be read either", PortionMarking.Unmarked, null),
    ];

    /// <summary>The admin's own clearance, which is all that decides what the admin reads.</summary>
    public Clearance Yours { get; private set; } = null!;

    /// <summary>Shows the page.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        if (await readers.GetAsync() is not { } admin)
            return Challenge();
        Yours = admin.Clearance;
        return Page();
    }

    /// <summary>Whether the admin may read the example portion.</summary>
    public bool YouMayRead(PortionCase example) => ReadRule.CanRead(Yours, example.Marking, example.Banner);
}
