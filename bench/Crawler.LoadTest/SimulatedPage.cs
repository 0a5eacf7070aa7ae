namespace Crawler.LoadTest;

/// <summary>One file served by a simulated host.</summary>
public sealed record SimulatedPage(byte[] Body, string ContentType);
