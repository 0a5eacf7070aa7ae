namespace Crawler.Pipeline.Storage;

/// <summary>The data folder cannot be used as asked (too old a schema to read, …); the message is for the person at the command line.</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
