namespace Crawler.Worker.Hosting;

/// <summary>What a command needs wired (<see cref="CommandServices"/>); <see cref="Pipeline"/> is every stage.</summary>
[Flags]
internal enum CommandNeeds
{
    Storage = 1,
    Extraction = 2,
    Crawling = 4,
    Alerts = 8,
    Indexing = 16,
    Pipeline = Storage | Extraction | Crawling | Alerts | Indexing | 32,
}
