using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Notification;

/// <summary>Checks <c>Alerts</c> at start-up; every message names the configuration key at fault.</summary>
public sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var errors = new List<string>();
        var known = Enum.GetValues<AlertEventKind>().Select(AlertJson.EventName).ToList();
        foreach (var entry in options.Events.SelectMany(e => e.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!known.Contains(entry, StringComparer.OrdinalIgnoreCase))
                errors.Add($"Alerts:Events: unknown event '{entry}' (known: {string.Join(", ", known)})");
        }

        var deadline = options.Deadline;
        CheckDeadline(errors, "Alerts:Deadline", deadline.Month, deadline.Day, deadline.GraceDays);
        if (deadline.YearsBack < 1) errors.Add($"Alerts:Deadline:YearsBack must be at least 1, not {deadline.YearsBack}");
        foreach (var (sourceId, rule) in deadline.Sources)
        {
            CheckDeadline(errors, $"Alerts:Deadline:Sources:{sourceId}",
                rule.Month ?? deadline.Month, rule.Day ?? deadline.Day, rule.GraceDays ?? deadline.GraceDays);
        }

        var retry = options.Retry;
        if (retry.MaxAttempts < 1) errors.Add($"Alerts:Retry:MaxAttempts must be at least 1, not {retry.MaxAttempts}");
        if (retry.InitialDelay <= TimeSpan.Zero) errors.Add("Alerts:Retry:InitialDelay must be positive");
        if (retry.MaxDelay < retry.InitialDelay) errors.Add("Alerts:Retry:MaxDelay must not be shorter than Alerts:Retry:InitialDelay");
        if (retry.FailingThreshold < 1) errors.Add("Alerts:Retry:FailingThreshold must be at least 1");
        if (options.PollInterval <= TimeSpan.Zero) errors.Add("Alerts:PollInterval must be positive");
        if (options.Timeout <= TimeSpan.Zero) errors.Add("Alerts:Timeout must be positive");

        CheckUrl(errors, "Alerts:Webhook:Url", options.Webhook.Url);
        CheckUrl(errors, "Alerts:WeCom:Url", options.WeCom.Url);
        CheckUrl(errors, "Alerts:DingTalk:Url", options.DingTalk.Url);
        CheckUrl(errors, "Alerts:Feishu:Url", options.Feishu.Url);
        if (AlertUrl.OrNull(options.DingTalk.Url) is null && !string.IsNullOrEmpty(options.DingTalk.Secret)) errors.Add("Alerts:DingTalk:Secret is set but Alerts:DingTalk:Url is not");
        if (AlertUrl.OrNull(options.Feishu.Url) is null && !string.IsNullOrEmpty(options.Feishu.Secret)) errors.Add("Alerts:Feishu:Secret is set but Alerts:Feishu:Url is not");
        CheckEmail(errors, options.Email);

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckDeadline(List<string> errors, string key, int month, int day, int graceDays)
    {
        if (month is < 1 or > 12) errors.Add($"{key}:Month must be 1–12, not {month}");
        // A non-leap year: a deadline of 29 February would not exist three years in four.
        else if (day < 1 || day > DateTime.DaysInMonth(2001, month)) errors.Add($"{key}:Day {day} does not exist in month {month}");
        if (graceDays < 0) errors.Add($"{key}:GraceDays must not be negative, not {graceDays}");
    }

    private static void CheckUrl(List<string> errors, string key, Uri? configured)
    {
        if (AlertUrl.OrNull(configured) is not { } url) return;
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            errors.Add($"{key} must be an absolute http(s) URL, not '{url}'");
    }

    private static void CheckEmail(List<string> errors, Email.EmailOptions email)
    {
        var any = !string.IsNullOrEmpty(email.Host) || !string.IsNullOrEmpty(email.From) || !string.IsNullOrEmpty(email.To);
        if (!any) return;
        if (string.IsNullOrWhiteSpace(email.Host)) errors.Add("Alerts:Email:Host is required when Alerts:Email is configured");
        if (email.Port is < 1 or > 65535) errors.Add($"Alerts:Email:Port must be 1–65535, not {email.Port}");
        if (!MailAddress.TryCreate(email.From, out _)) errors.Add($"Alerts:Email:From is not an e-mail address: '{email.From}'");
        var recipients = email.Recipients();
        if (recipients.Length == 0) errors.Add("Alerts:Email:To lists no recipient");
        foreach (var to in recipients.Where(r => !MailAddress.TryCreate(r, out _))) errors.Add($"Alerts:Email:To: '{to}' is not an e-mail address");
        if (!string.IsNullOrEmpty(email.UserName) && email.Password is null) errors.Add("Alerts:Email:UserName is set but Alerts:Email:Password is not");
    }
}
