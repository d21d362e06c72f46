using CableArchive.Domain.Cables;

namespace CableArchive.Parsing.Identity;

/// <summary>
/// The origin of a cable as WikiLeaks labels it (<c>Embassy Tokyo</c>, <c>Consulate Rio De Janeiro</c>,
/// <c>Secretary of State</c>, <c>Mission USNATO</c>, <c>USEU Brussels</c>).
/// </summary>
public static class Origins
{
    /// <summary>The origin from the FM addressee (<c>AMEMBASSY TOKYO</c> → <c>Embassy Tokyo</c>); null when unknown.</summary>
    public static string? FromSender(Addressee from) => throw new NotImplementedException();

    /// <summary>The origin from the banner's origin words (<c>TOKYO</c> → <c>Embassy Tokyo</c>, <c>STATE</c> → <c>Secretary of State</c>); null when unknown.</summary>
    public static string? FromOriginWords(string originWords) => throw new NotImplementedException();
}
