namespace Crawler.LoadTest.Fuzzing;

/// <summary>Byte-level mutations shared by the hostile corpora.</summary>
public static class Mutations
{
    public static byte[] BitFlips(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        for (var flips = 1 + random.Next(32); flips > 0; flips--) copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    /// <summary>The head of one file up to a random cut, then the tail of another from a random offset.</summary>
    public static byte[] Splice(byte[] head, byte[] tail, Random random) =>
        [.. head.AsSpan(0, random.Next(head.Length)), .. tail.AsSpan(random.Next(tail.Length))];

    /// <summary>Every occurrence of <paramref name="from"/> replaced by <paramref name="to"/> (of the same length, so offsets stay valid).</summary>
    public static byte[] Replace(byte[] bytes, byte[] from, byte[] to)
    {
        var copy = (byte[])bytes.Clone();
        for (var at = copy.AsSpan().IndexOf(from); at >= 0;)
        {
            to.CopyTo(copy, at);
            var next = copy.AsSpan(at + from.Length).IndexOf(from);
            at = next < 0 ? -1 : at + from.Length + next;
        }
        return copy;
    }

    /// <summary>The first JPEG (FF D8 FF … FF D9) embedded in a file, e.g. a scanned page inside a PDF.</summary>
    public static byte[]? FirstJpeg(byte[] bytes)
    {
        var start = bytes.AsSpan().IndexOf(new byte[] { 0xFF, 0xD8, 0xFF });
        if (start < 0) return null;
        var end = bytes.AsSpan(start).IndexOf(new byte[] { 0xFF, 0xD9 });
        return end < 0 ? null : bytes[start..(start + end + 2)];
    }

    /// <summary>A PNG signature and an IHDR claiming a 60,000 × 60,000 page, then random bytes.</summary>
    public static byte[] PngHeaderThenNoise(Random random)
    {
        byte[] head = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0xEA, 0x60, 0, 0, 0xEA, 0x60, 8, 0, 0, 0, 0, 0, 0, 0, 0];
        var noise = new byte[random.Next(1, 16 * 1024)];
        random.NextBytes(noise);
        return [.. head, .. noise];
    }

    /// <summary>
    /// A GBK page with invalid sequences written over random places: a lead byte followed by a byte no GBK
    /// character has as its second (0x00–0x3F, 0x7F, 0xFF), a lone lead byte at the end of a line, bare 0x80/0xFF.
    /// </summary>
    public static byte[] InvalidGbkSequences(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        for (var n = 1 + random.Next(64); n > 0; n--)
        {
            var at = random.Next(copy.Length - 2);
            (copy[at], copy[at + 1]) = random.Next(4) switch
            {
                0 => ((byte)random.Next(0x81, 0xFF), (byte)random.Next(0x00, 0x40)),
                1 => ((byte)random.Next(0x81, 0xFF), (byte)0x7F),
                2 => ((byte)random.Next(0x81, 0xFF), (byte)0xFF),
                _ => ((byte)0x80, (byte)0xFF),
            };
        }
        return copy;
    }
}
