using LineageHub.Core;

namespace LineageHub.Cli;

/// <summary>Parses <c>NAMESPACE/NAME</c> (the namespace may itself hold slashes, as URLs do: the name is after the last one).</summary>
public static class DatasetName
{
    public static (string Namespace, string Name) Parse(string text)
    {
        var slash = text.LastIndexOf('/');
        if (slash <= 0 || slash == text.Length - 1)
        {
            throw LineageHubException.InvalidInput($"--dataset must be NAMESPACE/NAME (e.g. s3://lake/events), got '{text}'");
        }
        return (text[..slash], text[(slash + 1)..]);
    }
}
