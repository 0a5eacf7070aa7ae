namespace Crawler.Reports.Parsing;

/// <summary>The three template tables: 二 主动公开, 三 依申请, 四 复议诉讼.</summary>
internal enum TableKind
{
    None,
    ActiveDisclosure,
    Applications,
    ReviewAndLitigation,
}
