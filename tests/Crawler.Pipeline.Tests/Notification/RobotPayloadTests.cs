using Crawler.Pipeline.Outbox;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Crawler.Pipeline.Notification;
using Microsoft.Data.Sqlite;

namespace Crawler.Pipeline.Tests.Notification;

/// <summary>
/// Each HTTP channel end to end (observer → SQLite outbox → dispatcher → a real local HTTP server),
/// checked against the payload shapes the robots document.
/// </summary>
public sealed class RobotPayloadTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2024, 1, 26, 2, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("alerts-").FullName;
    private readonly ManualClock _clock = new(Now);
    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    [Fact]
    public async Task The_generic_webhook_gets_the_event_as_JSON_with_an_Idempotency_Key_header()
    {
        _server.Always("/hook", 204, "");
        await using var host = Host(("Alerts:Webhook:Url", _server.Url("/hook").AbsoluteUri), ("Alerts:Webhook:Authorization", "Bearer t0ken"));

        await host.Observer.OnStoredAsync(SampleReports.Version(1, SampleReports.Sha256, SampleReports.BalanceError, SampleReports.LabelWarning), default);
        var report = await host.DeliverDueAsync();

        Assert.Equal(new DispatchSummary(2, 0, 0), report);
        var requests = _server.To("/hook");
        Assert.Equal(2, requests.Count);
        var newReport = requests.Single(r => r.Body.Contains("\"event\":\"new-report\"", StringComparison.Ordinal));
        Assert.Equal("POST", newReport.Method);
        Assert.StartsWith("application/json", newReport.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("Bearer t0ken", newReport.Headers["Authorization"]);
        Assert.Equal($"new-report:sd-liaocheng-commerce:2023:{SampleReports.Sha256}", newReport.Headers["Idempotency-Key"]);

        var body = JsonDocument.Parse(newReport.Body).RootElement;
        Assert.Equal("new-report", body.GetProperty("event").GetString());
        Assert.Equal(newReport.Headers["Idempotency-Key"], body.GetProperty("idempotencyKey").GetString());
        Assert.Equal("sd-liaocheng-commerce", body.GetProperty("sourceId").GetString());
        Assert.Equal("聊城市商务局", body.GetProperty("agency").GetString());
        Assert.Equal("山东省聊城市", body.GetProperty("region").GetString());
        Assert.Equal(2023, body.GetProperty("year").GetInt32());
        Assert.Equal("聊城市商务局 2023 年政府信息公开工作年度报告", body.GetProperty("title").GetString());
        Assert.Equal("http://127.0.0.1:9/sd-liaocheng-commerce/zfxxgk/ndbg/202401/t20240125_1.html", body.GetProperty("url").GetString());
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.Equal(Now, body.GetProperty("occurredAt").GetDateTimeOffset());

        // Gold figures of 聊城市商务局 2023: 3 received, 2 granted, nothing denied, no review or litigation.
        var figures = body.GetProperty("figures");
        Assert.Equal(3m, figures.GetProperty("newReceived").GetDecimal());
        Assert.Equal(2m, figures.GetProperty("granted").GetDecimal());
        Assert.Equal(0m, figures.GetProperty("deniedTotal").GetDecimal());
        Assert.Equal(0m, figures.GetProperty("reviewTotal").GetDecimal());
        Assert.Equal(0m, figures.GetProperty("litigationTotal").GetDecimal());

        var findings = body.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(2, findings.Count);
        Assert.Equal(["code", "severity", "where", "message"], findings[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("T3_BALANCE", findings[0].GetProperty("code").GetString());
        Assert.Equal("error", findings[0].GetProperty("severity").GetString());
        Assert.Equal("applications.columns.total", findings[0].GetProperty("where").GetString());
        Assert.Equal(SampleReports.BalanceError.Message, findings[0].GetProperty("message").GetString());
        Assert.Contains("收到申请 3，予以公开 2，不予公开合计 0，行政复议 0，行政诉讼 0", body.GetProperty("text").GetString(), StringComparison.Ordinal);

        var violation = JsonDocument.Parse(requests.Single(r => r != newReport).Body).RootElement;
        Assert.Equal("rule-violation", violation.GetProperty("event").GetString());
        Assert.Equal("T3_BALANCE", Assert.Single(violation.GetProperty("findings").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task WeCom_gets_a_markdown_message_in_Chinese_and_a_non_zero_errcode_is_a_failure()
    {
        _server.Script("/cgi-bin/webhook/send", (200, """{"errcode":93000,"errmsg":"invalid webhook url"}"""));
        await using var host = Host(("Alerts:WeCom:Url", _server.Url("/cgi-bin/webhook/send?key=k-1").AbsoluteUri));
        await host.Observer.OnStoredAsync(SampleReports.Version(2, "00ff"), default);

        Assert.Equal(new DispatchSummary(0, 1, 0), await host.DeliverDueAsync());
        Assert.Contains("errcode 93000", host.Health.For("wecom").LastError, StringComparison.Ordinal);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DispatchSummary(1, 0, 0), await host.DeliverDueAsync());

        var request = _server.To("/cgi-bin/webhook/send")[1];
        Assert.Equal("k-1", request.Query["key"]);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(["msgtype", "markdown"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("markdown", body.GetProperty("msgtype").GetString());
        Assert.Equal(["content"], body.GetProperty("markdown").EnumerateObject().Select(p => p.Name));
        var content = body.GetProperty("markdown").GetProperty("content").GetString()!;
        Assert.StartsWith("### 【报告新版本】聊城市商务局 2023年度政府信息公开工作年度报告", content, StringComparison.Ordinal);
        Assert.Contains("**版本**：第 2 版", content, StringComparison.Ordinal);
        Assert.Contains("> 收到申请 3，予以公开 2，不予公开合计 0，行政复议 0，行政诉讼 0", content, StringComparison.Ordinal);
        Assert.Contains("**链接**：http://127.0.0.1:9/sd-liaocheng-commerce/zfxxgk/ndbg/202401/t20240125_1.html", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DingTalk_gets_markdown_signed_with_HMAC_SHA256_of_timestamp_and_secret()
    {
        const string secret = "SEC0123456789abcdef";
        await using var host = Host(("Alerts:DingTalk:Url", _server.Url("/robot/send?access_token=tok").AbsoluteUri), ("Alerts:DingTalk:Secret", secret));
        await host.Observer.OnStoredAsync(SampleReports.Version(), default);

        Assert.Equal(new DispatchSummary(1, 0, 0), await host.DeliverDueAsync());

        var request = Assert.Single(_server.To("/robot/send"));
        Assert.Equal("tok", request.Query["access_token"]);
        Assert.Equal(Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), request.Query["timestamp"]);
        // Recomputed here as the robot does: HmacSHA256(key = secret, message = timestamp + "\n" + secret), Base64.
        var expected = Convert.ToBase64String(new HMACSHA256(Encoding.UTF8.GetBytes(secret))
            .ComputeHash(Encoding.UTF8.GetBytes(request.Query["timestamp"] + "\n" + secret)));
        Assert.Equal(expected, request.Query["sign"]);

        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(["msgtype", "markdown"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("markdown", body.GetProperty("msgtype").GetString());
        var markdown = body.GetProperty("markdown");
        Assert.Equal(["title", "text"], markdown.EnumerateObject().Select(p => p.Name));
        Assert.Equal("【新报告】聊城市商务局 2023年度政府信息公开工作年度报告", markdown.GetProperty("title").GetString());
        Assert.Contains("**机关**：聊城市商务局（山东省聊城市）\n\n**年度**：2023", markdown.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DingTalk_rejecting_the_signature_with_errcode_310000_is_retried_not_counted_as_sent()
    {
        _server.Always("/robot/send", 200, """{"errcode":310000,"errmsg":"sign not match"}""");
        await using var host = Host(("Alerts:DingTalk:Url", _server.Url("/robot/send?access_token=tok").AbsoluteUri), ("Alerts:DingTalk:Secret", "SECx"));
        await host.Observer.OnStoredAsync(SampleReports.Version(), default);

        Assert.Equal(new DispatchSummary(0, 1, 0), await host.DeliverDueAsync());
        Assert.Equal(0, host.Health.For("dingtalk").Delivered);
        Assert.Equal(1, host.Health.For("dingtalk").ConsecutiveFailures);
    }

    [Fact]
    public async Task Feishu_gets_a_text_message_with_timestamp_and_sign_in_the_body()
    {
        const string secret = "feishu-secret";
        _server.Always("/open-apis/bot/v2/hook/abc", 200, """{"code":0,"data":{},"msg":"success"}""");
        await using var host = Host(("Alerts:Feishu:Url", _server.Url("/open-apis/bot/v2/hook/abc").AbsoluteUri), ("Alerts:Feishu:Secret", secret));
        await host.Observer.OnStoredAsync(SampleReports.Version(), default);

        Assert.Equal(new DispatchSummary(1, 0, 0), await host.DeliverDueAsync());

        var body = JsonDocument.Parse(Assert.Single(_server.To("/open-apis/bot/v2/hook/abc")).Body).RootElement;
        Assert.Equal(["timestamp", "sign", "msg_type", "content"], body.EnumerateObject().Select(p => p.Name));
        var timestamp = body.GetProperty("timestamp").GetString()!;
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), timestamp);
        // Feishu: the key is timestamp + "\n" + secret and the message is empty.
        var expected = Convert.ToBase64String(new HMACSHA256(Encoding.UTF8.GetBytes(timestamp + "\n" + secret)).ComputeHash([]));
        Assert.Equal(expected, body.GetProperty("sign").GetString());
        Assert.Equal("text", body.GetProperty("msg_type").GetString());
        var text = body.GetProperty("content").GetProperty("text").GetString()!;
        Assert.StartsWith("【新报告】聊城市商务局 2023年度政府信息公开工作年度报告\n机关：聊城市商务局（山东省聊城市）\n年度：2023", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"StatusCode":0,"StatusMessage":"success"}""", true)]
    [InlineData("""{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}""", false)]
    [InlineData("""<html>gateway</html>""", false)]
    public async Task Feishu_replies_decide_success_by_their_code(string reply, bool delivered)
    {
        _server.Always("/open-apis/bot/v2/hook/abc", 200, reply);
        await using var host = Host(("Alerts:Feishu:Url", _server.Url("/open-apis/bot/v2/hook/abc").AbsoluteUri));
        await host.Observer.OnStoredAsync(SampleReports.Version(), default);

        var report = await host.DeliverDueAsync();

        Assert.Equal(delivered ? 1 : 0, report.Delivered);
        var body = JsonDocument.Parse(Assert.Single(_server.To("/open-apis/bot/v2/hook/abc")).Body).RootElement;
        Assert.Equal(["msg_type", "content"], body.EnumerateObject().Select(p => p.Name));
    }

    private AlertTestHost Host(params (string Key, string Value)[] settings) =>
        new(_directory, _clock, settings.ToDictionary(s => s.Key, s => (string?)s.Value));

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
