namespace CableArchive.Web.Importing;

/// <summary>Where uploaded dumps are kept until their import ends, and how large one may be (<c>Archive:Upload</c>).</summary>
public sealed class UploadOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Archive:Upload";

    /// <summary>The largest request body an upload may have (default 8 GiB: the whole cables.csv is 1.6 GB).</summary>
    public long MaxBytes { get; set; } = 8L << 30;

    /// <summary>The folder uploads are written to, one subfolder each; the system's temporary folder when empty.</summary>
    public string? Folder { get; set; }

    /// <summary>The folder in use.</summary>
    public string ResolvedFolder => string.IsNullOrWhiteSpace(Folder) ? Path.Combine(Path.GetTempPath(), "cablearchive-uploads") : Folder;
}
