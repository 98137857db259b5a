namespace LineageHub.Connectors.Git;

/// <summary>One commit as stored in the object database.</summary>
/// <param name="Id">The commit's object name.</param>
/// <param name="TreeId">The root tree the commit records.</param>
/// <param name="Parents">Parent commits in order (first parent first); empty for a root commit.</param>
/// <param name="Author">Who wrote the change, and when.</param>
/// <param name="Committer">Who recorded the commit, and when.</param>
/// <param name="Message">The full message, raw bytes preserved.</param>
/// <param name="Encoding">The encoding the commit declares for its message, or null (UTF-8).</param>
/// <param name="IsMessageTruncated">True when the message exceeded the configured limit and was cut.</param>
public sealed record GitCommitInfo(
    GitObjectId Id,
    GitObjectId TreeId,
    IReadOnlyList<GitObjectId> Parents,
    GitPerson Author,
    GitPerson Committer,
    GitText Message,
    string? Encoding,
    bool IsMessageTruncated)
{
    /// <summary>The first line of the message.</summary>
    public string Subject
    {
        get
        {
            var text = Message.Text;
            var end = text.IndexOf('\n', StringComparison.Ordinal);
            return end < 0 ? text : text[..end];
        }
    }
}
