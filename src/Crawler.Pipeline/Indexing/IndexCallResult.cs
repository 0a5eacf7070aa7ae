namespace Crawler.Pipeline.Indexing;

/// <summary>A call to the cluster: a value, or the reason it failed (HTTP status when there was a response).</summary>
public sealed record IndexCallResult<T>(T? Value, string? Error, int? Status = null)
{
    public bool Succeeded => Error is null;

    public static IndexCallResult<T> Ok(T value, int status = 200) => new(value, null, status);

    public static IndexCallResult<T> Fail(string error, int? status = null) => new(default, error, status);
}
