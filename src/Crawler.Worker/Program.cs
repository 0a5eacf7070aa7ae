using Crawler.Worker.Cli;

return await CrawlerCommandLine.RunAsync(args);
