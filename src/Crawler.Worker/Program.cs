using Crawler.Worker.Cli;

return await CrawlerCommandLine.Build().Parse(args).InvokeAsync();
