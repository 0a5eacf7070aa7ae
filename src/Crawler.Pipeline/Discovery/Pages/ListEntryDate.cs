using Crawler.Reports.Publication;
using HtmlAgilityPack;

namespace Crawler.Pipeline.Discovery.Pages;

/// <summary>
/// The date a list page prints beside one entry (<c>&lt;li&gt;&lt;a …&gt;title&lt;/a&gt;&lt;span&gt;2024-01-25&lt;/span&gt;&lt;/li&gt;</c>,
/// a table row's date cell, a card's date line): the nearest enclosing element, up to three levels up, that
/// holds this entry's link only and exactly one date outside the link's own text.
/// </summary>
internal static class ListEntryDate
{
    private const int MaxLevels = 3;

    /// <summary>An item's text is short; a container of many items is not one entry.</summary>
    private const int MaxItemText = 400;

    public static DateOnly? Of(HtmlNode anchor)
    {
        var href = anchor.GetAttributeValue("href", "");
        var own = HtmlEntity.DeEntitize(anchor.InnerText);
        var node = anchor.ParentNode;
        for (var level = 0; level < MaxLevels && node is { NodeType: HtmlNodeType.Element } && node.Name is not ("body" or "html" or "ul" or "ol" or "table" or "tbody"); level++, node = node.ParentNode)
        {
            // Lazily: a container of many entries stops at its second link, without walking all of it.
            if (node.Descendants("a").Any(a => a.Attributes["href"] is { } other && other.Value != href)) return null;
            var text = HtmlEntity.DeEntitize(node.InnerText);
            if (text.Length > MaxItemText) return null;
            var outside = own.Length > 0 ? text.Replace(own, " ", StringComparison.Ordinal) : text;
            var dates = DateText.FindAll(outside).Select(d => d.Date).Distinct().ToList();
            if (dates.Count == 1) return dates[0];
            if (dates.Count > 1) return null;
        }
        return null;
    }
}
