namespace Crawler.Extraction;

/// <summary>
/// Limits and tool paths for the extract stage, bound from the "Extraction" section. A published
/// document is hostile input: every limit here bounds time or memory for one document.
/// </summary>
public sealed record ExtractionOptions
{
    public const string SectionName = "Extraction";

    /// <summary>Documents larger than this are refused before any extractor sees them (the original stays archived).</summary>
    public long MaxDocumentBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Wall-clock limit for one document through any extractor.</summary>
    public TimeSpan DocumentTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The LibreOffice binary used for DOC and WPS; a bare name is looked up on PATH.</summary>
    public string LibreOfficePath { get; init; } = "soffice";

    public TimeSpan LibreOfficeTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>A DOCX (zip) with more entries than this is refused as a likely zip bomb.</summary>
    public int MaxZipEntries { get; init; } = 2000;

    /// <summary>Sum of the declared uncompressed sizes of every zip entry.</summary>
    public long MaxZipUncompressedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>word/document.xml alone; real reports are well under 5 MB.</summary>
    public long MaxDocumentXmlBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The reasons these options cannot be used, empty when they can.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxDocumentBytes <= 0) problems.Add($"{SectionName}:MaxDocumentBytes must be positive");
        if (DocumentTimeout <= TimeSpan.Zero) problems.Add($"{SectionName}:DocumentTimeout must be positive");
        if (string.IsNullOrWhiteSpace(LibreOfficePath)) problems.Add($"{SectionName}:LibreOfficePath must name the soffice binary");
        if (LibreOfficeTimeout <= TimeSpan.Zero) problems.Add($"{SectionName}:LibreOfficeTimeout must be positive");
        if (MaxZipEntries <= 0) problems.Add($"{SectionName}:MaxZipEntries must be positive");
        if (MaxZipUncompressedBytes <= 0) problems.Add($"{SectionName}:MaxZipUncompressedBytes must be positive");
        if (MaxDocumentXmlBytes <= 0 || MaxDocumentXmlBytes > MaxZipUncompressedBytes)
            problems.Add($"{SectionName}:MaxDocumentXmlBytes must be positive and not above MaxZipUncompressedBytes");
        return problems;
    }
}
