namespace Crawler.Pipeline.Notification.Email;

/// <summary><c>Alerts:Email</c>: SMTP submission. <see cref="To"/> may list several addresses, comma-separated.</summary>
public sealed record EmailOptions
{
    public string? Host { get; init; }

    public int Port { get; init; } = 587;

    public bool EnableSsl { get; init; } = true;

    public string? UserName { get; init; }

    public string? Password { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public string[] Recipients() =>
        (To ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
