using Crawler.Pipeline.Search;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Data.Sqlite;

namespace Crawler.Pipeline.Tests.Search;

/// <summary>
/// For any text of Chinese, digits, letters and punctuation, every piece of it that holds at least two
/// Chinese characters (or a word) is found by FTS5 over the bigram form — no false negatives.
/// </summary>
public sealed class CjkBigramsProperties : IDisposable
{
    private const string Alphabet = "政府信息公开年度报告商务局复议诉讼申请依据条例，。、；：（）“”  0123456789ABCxyz２０";
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public CjkBigramsProperties()
    {
        _connection.Open();
        Execute("CREATE VIRTUAL TABLE t USING fts5 (terms, tokenize = 'unicode61 remove_diacritics 2')");
    }

    [Fact]
    public void Every_substring_with_two_searchable_characters_is_found_in_its_text()
    {
        var texts = Gen.Elements(Alphabet.ToCharArray()).ArrayOf().Where(a => a.Length is > 2 and < 60).Select(a => new string(a));
        var cases = texts.SelectMany(text => Gen.Choose(0, text.Length - 1).SelectMany(start =>
            Gen.Choose(2, Math.Max(2, text.Length - start)).Select(length => (Text: text, Query: text.Substring(start, Math.Min(length, text.Length - start))))));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (expression, _) = SearchExpression.Compile(c.Query);
            // Pieces the search refuses (one Chinese character, punctuation only) or that split a word in two are out of scope.
            if (expression is null || SplitsWord(c.Text, c.Query)) return true.Label("refused");
            Execute("DELETE FROM t");
            Execute("INSERT INTO t (terms) VALUES ($v)", CjkBigrams.IndexTerms(c.Text));
            return (Count(expression.Match) == 1).Label($"text «{c.Text}» query «{c.Query}» match {expression.Match}");
        }));
    }

    // FTS matches whole words: "ABC" is not found by "BC", and a lone character inside a phrase only matches a lone one.
    private static bool SplitsWord(string text, string query)
    {
        var at = text.IndexOf(query, StringComparison.Ordinal);
        static bool Word(char c) => char.IsAsciiLetterOrDigit(c) || c is '２' or '０';
        var before = at > 0 && Word(text[at - 1]) && Word(query[0]);
        var after = at + query.Length < text.Length && Word(text[at + query.Length]) && Word(query[^1]);
        return before || after || InnerLoneCharacter(query);
    }

    // A lone Chinese character before other tokens (年2023) must match a lone character in the text; only at the end is it a prefix.
    private static bool InnerLoneCharacter(string query) =>
        CjkBigrams.QueryTokens(query) is var tokens && tokens.Take(tokens.Count - 1).Any(t => t.IsSingleCjk);

    private long Count(string match)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM t WHERE t MATCH $m";
        command.Parameters.AddWithValue("$m", match);
        return (long)command.ExecuteScalar()!;
    }

    private void Execute(string sql, string? value = null)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        if (value is not null) command.Parameters.AddWithValue("$v", value);
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}
