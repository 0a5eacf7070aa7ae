namespace Crawler.Worker.SampleSite;

/// <summary>One file of the sample site.</summary>
internal sealed record SamplePage(byte[] Body, string ContentType);
