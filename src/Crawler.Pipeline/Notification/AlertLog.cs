using Microsoft.Extensions.Logging;

namespace Crawler.Pipeline.Notification;

internal static partial class AlertLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Alert {Key} queued for {Channels} channel(s)")]
    public static partial void Queued(this ILogger logger, string key, int channels);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Alert {Key} delivered to {Channel}")]
    public static partial void Delivered(this ILogger logger, string key, string channel);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Alert {Key} to {Channel} failed (attempt {Attempt} of {MaxAttempts}), retry at {RetryAt}: {Error}")]
    public static partial void WillRetry(this ILogger logger, string key, string channel, int attempt, int maxAttempts, DateTimeOffset retryAt, string error);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "Alert {Key} to {Channel} declared dead after {Attempts} attempts: {Error}")]
    public static partial void Dead(this ILogger logger, string key, string channel, int attempts, string error);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Error, Message = "Alert channel {Channel} is failing: {Failures} consecutive failures, last: {Error}")]
    public static partial void ChannelFailing(this ILogger logger, string channel, int failures, string error);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Error, Message = "Alert {Key} to {Channel} could not be sent because of a defect")]
    public static partial void Defect(this ILogger logger, Exception exception, string key, string channel);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "Report of {SourceId} ({Agency}) for {Year} not found after its deadline {DueDate}")]
    public static partial void Missing(this ILogger logger, string sourceId, string agency, int year, DateOnly dueDate);
}
