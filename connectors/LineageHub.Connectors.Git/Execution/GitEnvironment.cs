namespace LineageHub.Connectors.Git.Execution;

/// <summary>The fixed environment and global options every git invocation gets.</summary>
internal static class GitEnvironment
{
    /// <summary>
    /// Global options before the verb: no pager, paths printed as raw bytes rather than C-quoted
    /// (we read -z output, where quoting would corrupt them), no colour, and no background maintenance.
    /// </summary>
    public static readonly IReadOnlyList<string> GlobalArguments =
    [
        "--no-pager",
        "-c", "core.quotepath=off",
        "-c", "color.ui=never",
        "-c", "core.fsmonitor=false",
        "-c", "gc.auto=0",
        "-c", "maintenance.auto=false",
        "-c", "log.showSignature=false",
    ];

    // Inherited variables that would point git at another repository, index or object store than the
    // one asked for (e.g. when our caller itself runs inside a git hook), or change pathspec meaning.
    private static readonly string[] Removed =
    [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_PREFIX", "GIT_GLOB_PATHSPECS", "GIT_NOGLOB_PATHSPECS",
        "GIT_ICASE_PATHSPECS", "GIT_EXTERNAL_DIFF", "GIT_DIFF_OPTS", "GIT_SHALLOW_FILE", "GIT_REPLACE_REF_BASE",
    ];

    public static void Apply(
        IDictionary<string, string?> target,
        IReadOnlyDictionary<string, string?> fromOptions,
        IReadOnlyDictionary<string, string?>? forCall)
    {
        foreach (var name in Removed)
        {
            target.Remove(name);
        }

        // Machine-readable output must not depend on the locale; git must never wait for a password or a pager.
        target["LC_ALL"] = "C";
        target["LANG"] = "C";
        target["LANGUAGE"] = string.Empty;
        target["GIT_TERMINAL_PROMPT"] = "0";
        target["GCM_INTERACTIVE"] = "never";
        target["GIT_PAGER"] = "cat";
        target["PAGER"] = "cat";
        // Read-only commands (status) must not take the index lock the user's own git may need.
        target["GIT_OPTIONAL_LOCKS"] = "0";
        target["GIT_LITERAL_PATHSPECS"] = "1";
        // Replacement refs would make git report objects other than the ones stored.
        target["GIT_NO_REPLACE_OBJECTS"] = "1";

        foreach (var (name, value) in fromOptions)
        {
            Set(target, name, value);
        }

        if (forCall is not null)
        {
            foreach (var (name, value) in forCall)
            {
                Set(target, name, value);
            }
        }
    }

    private static void Set(IDictionary<string, string?> target, string name, string? value)
    {
        if (value is null)
        {
            target.Remove(name);
        }
        else
        {
            target[name] = value;
        }
    }
}
