namespace LineageHub.Connectors.Datasets;

/// <summary>A file's size and modification time, taken before and after reading it: a snapshot of a file that changed meanwhile is refused.</summary>
public readonly record struct FileStamp(long Size, DateTime ModifiedUtc)
{
    public static FileStamp Of(string path)
    {
        var info = new FileInfo(path);
        info.Refresh();
        return new FileStamp(info.Length, info.LastWriteTimeUtc);
    }

    /// <summary>Throws when the file is no longer as it was when <paramref name="before"/> was taken.</summary>
    public static void Check(string path, FileStamp before)
    {
        if (Of(path) != before)
        {
            throw Core.LineageHubException.InvalidInput(DatasetMessages.Changed(path));
        }
    }
}
