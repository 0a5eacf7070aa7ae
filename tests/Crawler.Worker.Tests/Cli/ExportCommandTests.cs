using System.Text;
using Crawler.Pipeline.Storage;

namespace Crawler.Worker.Tests.Cli;

public sealed class ExportCommandTests(StoredReportsFixture data) : IClassFixture<StoredReportsFixture>
{
    [Fact]
    public async Task Csv_has_a_bom_one_row_per_version_and_one_column_per_figure()
    {
        var file = Path.Combine(data.Root, "reports.csv");

        var (exit, output, _) = await StoredReportsFixture.RunAsync("export", "--format", "csv", "--header", "keys", "--data", data.Root, "--output", file);

        Assert.Equal(0, exit);
        Assert.Contains("5 行已写入", output);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = ParseCsv(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(6, rows.Count);
        var header = rows[0];
        Assert.Equal(ReportCsvExport.Columns, header);
        Assert.Contains("applications.newReceived.total", header);
        Assert.Contains("activeDisclosure.procurement.projects", header);
        Assert.Contains("applications.otherHandling.total", header);
        Assert.All(rows, r => Assert.Equal(header.Count, r.Count));
        var liaocheng = rows.Single(r => r[0] == "聊城市商务局");
        string Cell(string column) => liaocheng[header.IndexOf(column)];
        Assert.Equal("3", Cell("applications.newReceived.total"));
        Assert.Equal("2", Cell("applications.granted.naturalPerson"));
        Assert.Equal("0.0", Cell("activeDisclosure.fees.amountTenThousandYuan"));
        Assert.Equal("", Cell("activeDisclosure.procurement.projects"));
        Assert.Equal("聊城市商务局 2023 年\"政府信息公开\"工作年度报告, 修订", Cell("title"));
        Assert.Equal("T3_BALANCE", Cell("findingCodes"));
        Assert.Equal("2022-01-01", Cell("statisticalPeriodFrom"));
    }

    [Fact]
    public async Task The_raw_csv_quotes_fields_per_rfc_4180_with_crlf_line_ends()
    {
        var (exit, output, _) = await StoredReportsFixture.RunAsync("export", "--header", "keys", "--data", data.Root, "--agency", "聊城市商务局");

        Assert.Equal(0, exit);
        Assert.StartsWith("\uFEFFagency,region,year,", output);
        Assert.Contains(",\"聊城市商务局 2023 年\"\"政府信息公开\"\"工作年度报告, 修订\",", output);
        Assert.Equal(2, output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("\n", output.Replace("\r\n", ""));
    }

    /// <summary>An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; i++;
            }
            else field.Append(c);
        }
        return rows;
    }
}
