using System.Text;

namespace Crawler.LoadTest.Fuzzing;

/// <summary>
/// Hostile documents for the slow paths, in bounded numbers: mutated legacy Word files (LibreOffice, seconds
/// each), WPS-looking OLE files, mutated scanned PDFs and their page images (pdftoppm + tesseract), scanned
/// PDFs whose page claims to be 200 times A4 (a render of gigantic pages), and the GBK fixture page with
/// invalid GBK byte sequences. Deterministic for a seed; made from tests/fixtures/formats.
/// </summary>
public static class SlowHostileCorpus
{
    /// <summary>How many of each slow kind a run gets.</summary>
    public sealed record Shares(int Doc, int Wps, int Scanned, int GiantPage, int Image, int InvalidGbk)
    {
        public static Shares Default { get; } = new(Doc: 40, Wps: 10, Scanned: 25, GiantPage: 5, Image: 15, InvalidGbk: 25);

        public static Shares None { get; } = new(0, 0, 0, 0, 0, 0);

        public int Total => Doc + Wps + Scanned + GiantPage + Image + InvalidGbk;
    }

    public static IEnumerable<HostileInput> Generate(string formatsDirectory, Shares shares, int firstIndex, int seed)
    {
        var seeds = Directory.GetDirectories(formatsDirectory).Order(StringComparer.Ordinal)
            .Where(d => File.Exists(Path.Combine(d, "report.doc"))).ToArray();
        if (seeds.Length == 0) yield break;
        var random = new Random(seed);
        var index = firstIndex;
        (string Name, byte[] Bytes) Pick(string file)
        {
            var dir = seeds[random.Next(seeds.Length)];
            return ($"{Path.GetFileName(dir)}-{file}", File.ReadAllBytes(Path.Combine(dir, file)));
        }

        for (var n = 0; n < shares.Doc; n++)
        {
            var (name, bytes) = Pick("report.doc");
            yield return (n % 3) switch
            {
                0 => new($"{index++:0000}-docflip-{name}", Mutations.BitFlips(bytes, random)),
                1 => new($"{index++:0000}-doctruncate-{name}", bytes[..random.Next(512, bytes.Length)]),
                _ => new($"{index++:0000}-docsplice-{name}", Mutations.Splice(bytes, Pick("report.doc").Bytes, random)),
            };
        }
        for (var n = 0; n < shares.Wps; n++)
        {
            var (name, bytes) = Pick("report.doc");
            // Half are DOC bytes served as .wps (the WPS hint path), half carry a WpsContent stream name in place of WordDocument.
            var wps = n % 2 == 0 ? bytes : Mutations.Replace(bytes, Encoding.Unicode.GetBytes("WordDocument"), Encoding.Unicode.GetBytes("WpsContent\0\0"));
            yield return new($"{index++:0000}-wps-{Path.ChangeExtension(name, ".wps")}", n % 4 < 2 ? wps : Mutations.BitFlips(wps, random));
        }
        for (var n = 0; n < shares.Scanned; n++)
        {
            var (name, bytes) = Pick("report-scanned.pdf");
            yield return n % 2 == 0
                ? new($"{index++:0000}-scannedflip-{name}", Mutations.BitFlips(bytes, random))
                : new($"{index++:0000}-scannedtruncate-{name}", bytes[..random.Next(bytes.Length)]);
        }
        for (var n = 0; n < shares.GiantPage; n++)
        {
            var (name, bytes) = Pick("report-scanned.pdf");
            // Same length as "595.68 841.92", so the xref offsets stay right: the page is 100 × 100 times A4's size.
            yield return new($"{index++:0000}-giantpage-{name}", Mutations.Replace(bytes, "595.68 841.92"u8.ToArray(), "59568 84192.0"u8.ToArray()));
        }
        for (var n = 0; n < shares.Image; n++)
        {
            var (name, bytes) = Pick("report-scanned.pdf");
            var jpeg = Mutations.FirstJpeg(bytes);
            if (jpeg is null) continue;
            var stem = Path.GetFileNameWithoutExtension(name);
            yield return (n % 3) switch
            {
                0 => new($"{index++:0000}-imageflip-{stem}.jpg", Mutations.BitFlips(jpeg, random)),
                1 => new($"{index++:0000}-imagetruncate-{stem}.jpg", jpeg[..random.Next(2, jpeg.Length)]),
                _ => new($"{index++:0000}-imagenoise-{stem}.png", Mutations.PngHeaderThenNoise(random)),
            };
        }
        for (var n = 0; n < shares.InvalidGbk; n++)
        {
            var (name, bytes) = Pick("report.gbk.html");
            yield return new($"{index++:0000}-invalidgbk-{name}", Mutations.InvalidGbkSequences(bytes, random));
        }
    }
}
