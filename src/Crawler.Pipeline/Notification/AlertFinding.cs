namespace Crawler.Pipeline.Notification;

/// <summary>A finding as the alert carries it; <see cref="Severity"/> is info, warning or error.</summary>
public sealed record AlertFinding(string Code, string Severity, string Where, string Message);
