namespace Crawler.Extraction.Pdf;

/// <summary>
/// Letters some producers map to radical code points instead of the ideographs they draw: Chromium's print-to-PDF
/// (Skia, subset Noto CJK fonts) writes ToUnicode entries such as U+2F08 ⼈ for 人 and U+2EA0 ⺠ for 民, which look
/// the same and read as other characters. Every Kangxi radical (U+2F00–U+2FD5) goes to the ideograph it is
/// compatibility-equal to (NFKC); the CJK radicals supplement (U+2E80–U+2EF3) has no such mapping in Unicode, so its
/// radicals that are also whole simplified characters (⺠ 民, ⻅ 见, ⻓ 长, ⻔ 门 …) are listed by name. A report
/// never prints a radical on its own, so the map only ever repairs.
/// </summary>
internal static class RadicalGlyphs
{
    /// <summary>The ideograph of each Kangxi radical, U+2F00 onwards (Unicode's compatibility decompositions).</summary>
    private const string Kangxi =
        "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀" +
        "寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋" +
        "比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸" +
        "缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛" +
        "辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻" +
        "黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠";

    private static readonly Dictionary<char, char> Supplement = new()
    {
        ['\u2E9F'] = '母',
        ['\u2EA0'] = '民',
        ['\u2EC4'] = '西',
        ['\u2EC5'] = '见',
        ['\u2EC6'] = '角',
        ['\u2EC9'] = '贝',
        ['\u2ECB'] = '车',
        ['\u2ED3'] = '长',
        ['\u2ED4'] = '门',
        ['\u2ED9'] = '韦',
        ['\u2EDA'] = '页',
        ['\u2EDB'] = '风',
        ['\u2EDC'] = '飞',
        ['\u2EDD'] = '食',
        ['\u2EE2'] = '马',
        ['\u2EE4'] = '鬼',
        ['\u2EE5'] = '鱼',
        ['\u2EE8'] = '麦',
        ['\u2EE9'] = '黄',
        ['\u2EEC'] = '齐',
        ['\u2EEE'] = '齿',
        ['\u2EF0'] = '龙',
        ['\u2EF3'] = '龟',
    };

    public static string Normalize(string text)
    {
        var changed = false;
        foreach (var c in text)
        {
            if (c is >= '\u2E80' and <= '\u2FD5') { changed = true; break; }
        }
        if (!changed) return text;
        var letters = text.ToCharArray();
        for (var i = 0; i < letters.Length; i++)
        {
            var c = letters[i];
            if (c is >= '\u2F00' and <= '\u2FD5') letters[i] = Kangxi[c - '\u2F00'];
            else if (Supplement.TryGetValue(c, out var ideograph)) letters[i] = ideograph;
        }
        return new string(letters);
    }
}
