using System.Text;

namespace Crawler.Extraction.Ocr;

/// <summary>
/// Whitens a scanned page's table rulings before OCR: tesseract reads them as "|", "1" or "ee" and lets
/// them break rows apart. A ruling is a dark run far longer than any stroke of a character (a quarter
/// inch); rotated rulings still leave such runs because a 1° slant moves only one pixel per ~57.
/// Works on binary PGM (P5), which pdftoppm writes with -gray.
/// </summary>
internal static class RulingEraser
{
    public static bool TryErase(string pgmPath, int dpi, bool eraseVertical)
    {
        var bytes = File.ReadAllBytes(pgmPath);
        if (!TryHeader(bytes, out var width, out var height, out var offset) || bytes.Length < offset + ((long)width * height)) return false;
        var minimum = Math.Max(20, dpi / 4);
        var erase = new bool[width * height];
        for (var y = 0; y < height; y++) Mark(bytes, offset, erase, y * width, 1, width, minimum);
        if (eraseVertical)
        {
            for (var x = 0; x < width; x++) Mark(bytes, offset, erase, x, width, height, minimum);
        }
        for (var i = 0; i < erase.Length; i++)
        {
            if (!erase[i]) continue;
            // Anti-aliased edges one pixel either side go too.
            foreach (var j in new[] { i, i - 1, i + 1, i - width, i + width })
            {
                if (j >= 0 && j < erase.Length && bytes[offset + j] < 200) bytes[offset + j] = 255;
            }
        }
        File.WriteAllBytes(pgmPath, bytes);
        return true;
    }

    private static void Mark(byte[] bytes, int offset, bool[] erase, int start, int step, int count, int minimum)
    {
        var run = 0;
        for (var k = 0; k <= count; k++)
        {
            if (k < count && bytes[offset + start + (k * step)] < 140)
            {
                run++;
                continue;
            }
            if (run >= minimum)
            {
                for (var r = 1; r <= run; r++) erase[start + ((k - r) * step)] = true;
            }
            run = 0;
        }
    }

    internal static bool TryHeader(byte[] bytes, out int width, out int height, out int offset)
    {
        width = height = offset = 0;
        if (bytes.Length < 8 || bytes[0] != 'P' || bytes[1] != '5') return false;
        var fields = new List<int>();
        var i = 2;
        while (fields.Count < 3 && i < bytes.Length)
        {
            if (bytes[i] == '#')
            {
                while (i < bytes.Length && bytes[i] != '\n') i++;
                continue;
            }
            if (char.IsWhiteSpace((char)bytes[i]))
            {
                i++;
                continue;
            }
            var s = i;
            while (i < bytes.Length && char.IsAsciiDigit((char)bytes[i])) i++;
            if (s == i || !int.TryParse(Encoding.ASCII.GetString(bytes, s, i - s), out var value)) return false;
            fields.Add(value);
        }
        if (fields.Count < 3 || fields[2] > 255) return false;
        (width, height, offset) = (fields[0], fields[1], i + 1);
        return true;
    }
}
