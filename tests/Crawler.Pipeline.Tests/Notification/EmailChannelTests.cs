using Crawler.Pipeline.Outbox;
using System.Globalization;
using Crawler.Pipeline.Notification;
using Microsoft.Data.Sqlite;

namespace Crawler.Pipeline.Tests.Notification;

/// <summary>The e-mail channel against a real SMTP server (aiosmtpd) on 127.0.0.1.</summary>
public sealed class EmailChannelTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alerts-mail-").FullName;
    private readonly ManualClock _clock = new(new DateTimeOffset(2024, 1, 26, 2, 0, 0, TimeSpan.Zero));
    private SmtpServer _smtp = null!;

    public async Task InitializeAsync() => _smtp = await SmtpServer.StartAsync();

    [Fact]
    public async Task A_new_report_arrives_as_a_UTF8_mail_whose_subject_and_body_decode_to_the_Chinese_text()
    {
        await using var host = Host();
        await host.Observer.OnStoredAsync(SampleReports.Version(1, SampleReports.Sha256, SampleReports.BalanceError), default);

        var report = await host.DeliverDueAsync();

        Assert.Equal(new DispatchSummary(2, 0, 0), report);
        var mails = await _smtp.MessagesAsync(2, TimeSpan.FromSeconds(10));
        Assert.Equal(2, mails.Count);
        var mail = mails.Single(m => m.Subject.StartsWith("【新报告】", StringComparison.Ordinal));
        Assert.Equal("crawler@example.org", mail.MailFrom);
        Assert.Equal(["office@example.org", "archive@example.org"], mail.RcptTos);
        Assert.Equal("【新报告】聊城市商务局 2023年度政府信息公开工作年度报告", mail.Subject);
        Assert.StartsWith("=?utf-8?", mail.RawSubject, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("utf-8", mail.Charset);
        Assert.Contains("机关：聊城市商务局（山东省聊城市）", mail.Body, StringComparison.Ordinal);
        Assert.Contains("年度：2023", mail.Body, StringComparison.Ordinal);
        Assert.Contains("收到申请 3，予以公开 2，不予公开合计 0，行政复议 0，行政诉讼 0", mail.Body, StringComparison.Ordinal);
        Assert.Contains("- [错误] T3_BALANCE applications.columns.total：" + SampleReports.BalanceError.Message, mail.Body, StringComparison.Ordinal);
        Assert.Equal($"new-report:sd-liaocheng-commerce:2023:{SampleReports.Sha256}", mail.IdempotencyKey);

        var violation = mails.Single(m => m != mail);
        Assert.Equal("【报告数据校验错误】聊城市商务局 2023年度政府信息公开工作年度报告", violation.Subject);
    }

    [Fact]
    public async Task An_SMTP_server_that_is_not_there_is_a_failed_attempt_with_the_reason()
    {
        await using var host = Host(port: 1);
        await host.Observer.OnStoredAsync(SampleReports.Version(), default);

        Assert.Equal(new DispatchSummary(0, 1, 0), await host.DeliverDueAsync());
        Assert.Contains("SMTP 127.0.0.1:1", host.Health.For("email").LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_requiring_a_login_gets_the_configured_user_and_a_wrong_password_is_a_failure()
    {
        await using var secured = await SmtpServer.StartAsync("crawler:s3cret");
        await using var host = Host(secured.Port, ("Alerts:Email:UserName", "crawler"), ("Alerts:Email:Password", "s3cret"));
        await host.Observer.OnStoredAsync(SampleReports.Version(), default);
        var report = await host.DeliverDueAsync();
        Assert.True(report == new DispatchSummary(1, 0, 0), host.Health.For("email").LastError);
        Assert.Equal("crawler", Assert.Single(await secured.MessagesAsync(1, TimeSpan.FromSeconds(10))).Login);

        await using var wrong = Host(secured.Port, ("Alerts:Email:UserName", "crawler"), ("Alerts:Email:Password", "guess"));
        await wrong.Observer.OnStoredAsync(SampleReports.Version(2, "cafe"), default);
        Assert.Equal(new DispatchSummary(0, 1, 0), await wrong.DeliverDueAsync());
        Assert.Single(await secured.MessagesAsync(2, TimeSpan.FromSeconds(1)));
    }

    /// <summary>
    /// The crash test's window: a kill after the SMTP server accepted an alert and before the outbox recorded it
    /// sends the alert again. Both sendings carry one Message-ID, so a mailbox that drops repeats shows it once.
    /// </summary>
    [Fact]
    public async Task An_alert_sent_again_after_a_crash_keeps_its_Message_ID_and_another_alert_gets_another()
    {
        var channel = new Crawler.Pipeline.Notification.Email.EmailChannel(Microsoft.Extensions.Options.Options.Create(new AlertOptions
        {
            Email = new() { Host = "127.0.0.1", Port = _smtp.Port, EnableSsl = false, From = "crawler@example.org", To = "office@example.org" },
        }));
        var alert = ReportAlerts.For(SampleReports.Version(), _clock.GetUtcNow())[0];
        var other = ReportAlerts.For(SampleReports.Version(2, "cafe"), _clock.GetUtcNow())[0];

        Assert.True((await channel.SendAsync(alert, default)).Delivered);
        Assert.True((await channel.SendAsync(alert, default)).Delivered);
        Assert.True((await channel.SendAsync(other, default)).Delivered);

        var mails = await _smtp.MessagesAsync(3, TimeSpan.FromSeconds(10));
        var expected = Crawler.Pipeline.Notification.Email.EmailChannel.MessageId(alert.IdempotencyKey, "example.org");
        Assert.Matches("^<[0-9a-f]{32}\\.alert@example\\.org>$", expected);
        Assert.Equal([expected, expected], mails.Where(m => m.IdempotencyKey == alert.IdempotencyKey).Select(m => m.MessageId));
        Assert.NotEqual(expected, Assert.Single(mails, m => m.IdempotencyKey == other.IdempotencyKey).MessageId);
    }

    private AlertTestHost Host(int? port = null, params (string Key, string Value)[] extra) => new(_directory, _clock, new Dictionary<string, string?>(extra.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value)))
    {
        ["Alerts:Email:Host"] = "127.0.0.1",
        ["Alerts:Email:Port"] = (port ?? _smtp.Port).ToString(CultureInfo.InvariantCulture),
        ["Alerts:Email:EnableSsl"] = "false",
        ["Alerts:Email:From"] = "crawler@example.org",
        ["Alerts:Email:To"] = "office@example.org, archive@example.org",
    });

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
