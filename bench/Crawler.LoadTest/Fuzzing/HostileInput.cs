namespace Crawler.LoadTest.Fuzzing;

/// <summary>One generated hostile document: a name saying how it was made (kept on failure) and its bytes.</summary>
public sealed record HostileInput(string Name, byte[] Bytes);
