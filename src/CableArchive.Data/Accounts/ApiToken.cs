using System.Security.Cryptography;
using System.Text;

namespace CableArchive.Data.Accounts;

/// <summary>
/// A bearer token for the JSON API. Only the SHA-256 of the token is stored: the value itself is shown once, when the
/// token is made, and cannot be read back from the database.
/// </summary>
public sealed class ApiToken
{
    /// <summary>The prefix every token starts with, so that a leaked token is easy to recognise.</summary>
    public const string Prefix = "cat_";

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The user the token acts for; it reads exactly what that user reads.</summary>
    public long UserId { get; set; }

    /// <summary>A name to tell tokens apart.</summary>
    public required string Name { get; set; }

    /// <summary>SHA-256 of the token's UTF-8 bytes.</summary>
    public required byte[] TokenSha256 { get; set; }

    /// <summary>When it was made.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When it was revoked; a revoked token authenticates no one.</summary>
    public DateTime? RevokedAt { get; set; }

    /// <summary>Makes a fresh random token value (256 bits).</summary>
    public static string NewValue() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The hash stored for a token value.</summary>
    public static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
