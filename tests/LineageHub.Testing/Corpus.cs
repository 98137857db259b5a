namespace LineageHub.Testing;

/// <summary>
/// Finds the shared public test corpus, which lives beside the checkout (<c>../shared/corpus</c>) and is
/// never copied into the repository. Tests that need it are skipped, with the folder named, when it is absent.
/// </summary>
public static class Corpus
{
    private static readonly Lazy<string?> RootDirectory = new(FindRoot);

    /// <summary>The corpus folder, or null when no <c>shared/corpus</c> exists beside the checkout.</summary>
    public static string? Root => RootDirectory.Value;

    /// <summary>A folder inside the corpus, or null when the corpus or that folder is missing.</summary>
    public static string? Folder(string relative)
    {
        if (Root is null)
        {
            return null;
        }
        var path = Path.Combine(Root, relative);
        return Directory.Exists(path) ? path : null;
    }

    /// <summary>Why a test that needs <paramref name="relative"/> cannot run here, or null when it can.</summary>
    public static string? MissingReason(string relative) =>
        Folder(relative) is null
            ? $"corpus folder '../shared/corpus/{relative}' not found beside the checkout (looked upward from {AppContext.BaseDirectory}); this test needs it"
            : null;

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
