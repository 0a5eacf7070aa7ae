using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Crawler.Pipeline.Tests.SimulatedWeb;

/// <summary>Writes pages and documents with ETag/Last-Modified validators, answering 304 when they match.</summary>
public static class Served
{
    public static readonly Encoding Gbk = GetGbk();

    private static readonly DateTimeOffset Modified = new(2024, 1, 30, 8, 0, 0, TimeSpan.Zero);

    public static Task Html(HttpContext context, string html) => Document(context, Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8");

    public static Task Document(HttpContext context, byte[] body, string contentType)
    {
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..16] + "\"";
        context.Response.Headers.ETag = etag;
        context.Response.Headers.LastModified = Modified.ToString("R");
        if (context.Request.Headers.IfNoneMatch.ToString() == etag
            || (context.Request.Headers.IfNoneMatch.Count == 0 && context.Request.Headers.IfModifiedSince.ToString() == Modified.ToString("R")))
        {
            context.Response.StatusCode = 304;
            return Task.CompletedTask;
        }
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }

    /// <summary>A page without validators (lists change whenever a report is added).</summary>
    public static Task List(HttpContext context, string html, Encoding? encoding = null, string contentType = "text/html; charset=utf-8")
    {
        var body = (encoding ?? Encoding.UTF8).GetBytes(html);
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }

    public static string ListPage(string title, IEnumerable<(string Href, string Text)> items, string extra = "", string charset = "utf-8") =>
        $"<!DOCTYPE html><html><head><meta charset=\"{charset}\"><title>{title}</title></head><body><h1>{title}</h1><ul class=\"list\">"
        + string.Concat(items.Select(i => $"<li><a href=\"{i.Href}\" title=\"{i.Text}\" target=\"_blank\">{i.Text}</a><span>2024-01-30</span></li>"))
        + $"</ul>{extra}<div class=\"footer\"><a href=\"/\">首页</a> <a href=\"/contact.html\">联系我们</a></div></body></html>";

    private static Encoding GetGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK");
    }
}
