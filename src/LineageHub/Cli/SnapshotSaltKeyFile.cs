using LineageHub.Core;
using LineageHub.Core.Snapshots;

namespace LineageHub.Cli;

/// <summary>
/// Where the table-mode salt key lives: <c>--salt-key FILE</c>, else <c>$LINEAGEHUB_SNAPSHOT_KEY</c>, else
/// <c>snapshot-salt.key</c> in the local data folder, created (owner-only, 64 hex digits) on first use.
/// It stays on the machine that reads the data: roots and proofs never carry it.
/// </summary>
public static class SnapshotSaltKeyFile
{
    public const string FileName = "snapshot-salt.key";

    public static SnapshotSaltKey Load(string? given, string? dataDirectory)
    {
        var path = given ?? (Environment.GetEnvironmentVariable("LINEAGEHUB_SNAPSHOT_KEY") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(StoreOptions.DataDirectory(dataDirectory), FileName));
        if (!File.Exists(path))
        {
            if (given is not null)
            {
                throw LineageHubException.NotFound($"no salt key file {path}");
            }
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var key = SnapshotSaltKey.Generate();
            // Written under a temporary name and moved, so a reader never sees half a key.
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, key.ToHex() + "\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            File.Move(temporary, path);
            return key;
        }
        var text = File.ReadAllText(path).Trim();
        if (text.Length != 2 * SnapshotSaltKey.Size || !text.All(char.IsAsciiHexDigit))
        {
            throw LineageHubException.InvalidInput($"{path}: a salt key file holds {2 * SnapshotSaltKey.Size} hex digits");
        }
        return SnapshotSaltKey.FromBytes(Convert.FromHexString(text));
    }
}
