namespace Crawler.Pipeline.Tests.SimulatedWeb;

/// <summary>One request as the simulated web saw it (Stopwatch timestamps, for politeness assertions).</summary>
public sealed record ServedRequest(string Method, string Target, long StartedAt, long EndedAt, int Status, string? UserAgent);
