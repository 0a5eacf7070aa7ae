using Crawler.Extraction.Pdf;

// One PDF per request on stdin, its letters and rulings on stdout, until the worker closes the pipe.
using var input = Console.OpenStandardInput();
using var output = Console.OpenStandardOutput();
return PdfReaderHost.Serve(input, output);
