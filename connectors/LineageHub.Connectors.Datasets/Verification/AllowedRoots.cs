namespace LineageHub.Connectors.Datasets.Verification;

/// <summary>
/// The folders scheduled verification may read below. A storage URI is turned into a local path only when it
/// is a <c>file:</c> URI or an absolute path, and accepted only when that path, with symbolic links resolved,
/// lies below one of the roots (also resolved): a link inside a root that leads outside it is refused too.
/// </summary>
public sealed class AllowedRoots
{
    private readonly string[] _roots;

    public AllowedRoots(IEnumerable<string> roots)
    {
        _roots = [.. roots.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => WithSeparator(Resolve(Path.GetFullPath(r))))];
    }

    public bool IsEmpty => _roots.Length == 0;

    public IReadOnlyList<string> Roots => _roots;

    /// <summary>The local path of <paramref name="storageUri"/> when it may be read; otherwise why not.</summary>
    public bool TryResolve(string storageUri, out string path, out string refusal)
    {
        path = "";
        refusal = "";
        if (IsEmpty)
        {
            refusal = DatasetVerificationMessages.NoRoots;
            return false;
        }
        string local;
        if (Uri.TryCreate(storageUri, UriKind.Absolute, out var uri) && uri.IsFile)
        {
            local = uri.LocalPath;
        }
        else if (Path.IsPathFullyQualified(storageUri))
        {
            local = storageUri;
        }
        else
        {
            refusal = DatasetVerificationMessages.NotLocal(storageUri);
            return false;
        }
        var full = Path.GetFullPath(local);
        var resolved = Resolve(full);
        if (!_roots.Any(root => WithSeparator(resolved).StartsWith(root, StringComparison.Ordinal)))
        {
            refusal = DatasetVerificationMessages.OutsideRoots(storageUri, resolved);
            return false;
        }
        path = full;
        return true;
    }

    // Every link along the path resolved, so ".." and links cannot step outside a root unnoticed; a path
    // that does not exist yet keeps its missing tail as written.
    private static string Resolve(string full)
    {
        var missing = new Stack<string>();
        var current = full.TrimEnd(Path.DirectorySeparatorChar);
        while (current.Length > 0 && !File.Exists(current) && !Directory.Exists(current))
        {
            missing.Push(Path.GetFileName(current));
            current = Path.GetDirectoryName(current) ?? "";
        }
        if (current.Length == 0)
        {
            return full;
        }
        var real = RealPath(current);
        return missing.Aggregate(real, Path.Combine);
    }

    private static string RealPath(string existing)
    {
        var parent = Path.GetDirectoryName(existing);
        var prefix = parent is null ? existing : RealPath(parent);
        var here = parent is null ? existing : Path.Combine(prefix, Path.GetFileName(existing));
        FileSystemInfo info = Directory.Exists(here) ? new DirectoryInfo(here) : new FileInfo(here);
        return info.LinkTarget is null ? here : (info.ResolveLinkTarget(returnFinalTarget: true)?.FullName is { } target ? RealPath(target) : here);
    }

    private static string WithSeparator(string path) => path.EndsWith(Path.DirectorySeparatorChar) ? path : path + Path.DirectorySeparatorChar;
}
