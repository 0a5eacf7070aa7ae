namespace Crawler.Pipeline.Discovery.ListPages;

/// <summary>What a list request returns.</summary>
public enum ListFormat
{
    Html,

    /// <summary>Hanweb's dataproxy.jsp: a datastore of &lt;record&gt;&lt;![CDATA[&lt;li&gt;…]]&gt; entries.</summary>
    HanwebRecords,

    /// <summary>Guangdong gkmlpt's JSON API: articles with url and title.</summary>
    GkmlptJson,
}
