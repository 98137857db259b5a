using LineageHub.Core;

namespace LineageHub.Connectors.Datasets;

/// <summary>Opening files the one way every reader here does: a missing path is "not found", a refused one names the reason.</summary>
internal static class DatasetFiles
{
    public static FileStream OpenRead(string path, int bufferSize = 1 << 16)
    {
        try
        {
            return new FileStream(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read | FileShare.Delete, BufferSize = bufferSize, Options = FileOptions.SequentialScan });
        }
        catch (FileNotFoundException)
        {
            throw LineageHubException.NotFound(DatasetMessages.NotFound(path));
        }
        catch (DirectoryNotFoundException)
        {
            throw LineageHubException.NotFound(DatasetMessages.NotFound(path));
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new LineageHubException(ErrorCode.Unavailable, DatasetMessages.Unreadable(path, ex.Message));
        }
        catch (IOException ex)
        {
            throw new LineageHubException(ErrorCode.Unavailable, DatasetMessages.Unreadable(path, ex.Message));
        }
    }
}
