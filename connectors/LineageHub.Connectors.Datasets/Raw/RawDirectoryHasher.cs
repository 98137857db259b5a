using System.Buffers.Binary;
using System.Text;
using LineageHub.Core;
using LineageHub.Core.Hashing;
using LineageHub.Core.Merkle;

namespace LineageHub.Connectors.Datasets.Raw;

/// <summary>
/// Raw mode for a folder (a partitioned dataset, a Delta or Parquet folder): every regular file below it,
/// symbolic links followed, sorted by the UTF-8 bytes of the '/'-separated relative path; leaf =
/// SHA-256(0x00 ‖ u32(len path) ‖ path ‖ u64(size) ‖ file root). A link back to a folder being walked is
/// a loop and an error, not a silent skip: the root would otherwise depend on what was left out.
/// </summary>
public static class RawDirectoryHasher
{
    /// <summary>
    /// Hashes the folder. <paramref name="knownRoot"/>, when given, is asked first for each file (its relative
    /// path and current size and modification time) and may answer a root it already trusts for it, which is
    /// then used without reading the file: scheduled verification's incremental mode.
    /// </summary>
    public static RawDirectory Hash(string path, int parallelism, SnapshotProgress? progress = null, CancellationToken cancellationToken = default, Func<string, FileStamp, Digest?>? knownRoot = null)
    {
        var root = new DirectoryInfo(path);
        if (!root.Exists)
        {
            throw LineageHubException.NotFound(DatasetMessages.NotFound(path));
        }
        var files = new List<(byte[] Key, string Relative, string Full)>();
        Walk(root, "", [Canonical(root)], files, cancellationToken);
        files.Sort((a, b) => a.Key.AsSpan().SequenceCompareTo(b.Key));
        var entries = new List<RawDirectoryEntry>(files.Count);
        var leaves = new byte[files.Count * Digest.Size];
        for (var i = 0; i < files.Count; i++)
        {
            var (size, fileRoot) = HashOne(files[i].Relative, files[i].Full, parallelism, progress, knownRoot, cancellationToken);
            entries.Add(new RawDirectoryEntry(files[i].Relative, size, fileRoot));
            MerkleHash.Leaf(Leaf(files[i].Key, size, fileRoot), leaves.AsSpan(i * Digest.Size, Digest.Size));
        }
        return new RawDirectory(path, Digest.FromBytes(MerkleRoot.Compute(leaves)), entries);
    }

    private static (long Size, Digest Root) HashOne(string relative, string full, int parallelism, SnapshotProgress? progress, Func<string, FileStamp, Digest?>? knownRoot, CancellationToken cancellationToken)
    {
        if (knownRoot is not null)
        {
            var stamp = FileStamp.Of(full);
            if (knownRoot(relative, stamp) is { } trusted)
            {
                return (stamp.Size, trusted);
            }
        }
        var file = RawFileHasher.Hash(full, parallelism, progress, cancellationToken);
        return (file.Size, file.Root);
    }

    /// <summary>The leaf data of one file: u32(len) ‖ path ‖ u64(size) ‖ root, big-endian.</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> relativePath, long size, Digest root)
    {
        var data = new byte[4 + relativePath.Length + 8 + Digest.Size];
        BinaryPrimitives.WriteUInt32BigEndian(data, (uint)relativePath.Length);
        relativePath.CopyTo(data.AsSpan(4));
        BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(4 + relativePath.Length), (ulong)size);
        root.Bytes.CopyTo(data.AsSpan(12 + relativePath.Length));
        return data;
    }

    private static void Walk(DirectoryInfo directory, string prefix, HashSet<string> ancestors, List<(byte[], string, string)> files, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        FileSystemInfo[] entries;
        try
        {
            entries = directory.GetFileSystemInfos();
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new LineageHubException(ErrorCode.Unavailable, DatasetMessages.Unreadable(directory.FullName, ex.Message));
        }
        catch (IOException ex)
        {
            throw new LineageHubException(ErrorCode.Unavailable, DatasetMessages.Unreadable(directory.FullName, ex.Message));
        }
        foreach (var entry in entries)
        {
            var relative = prefix + entry.Name;
            var target = entry;
            if (entry.LinkTarget is not null)
            {
                target = Resolve(entry);
            }
            if (target is DirectoryInfo sub || (target.Attributes.HasFlag(FileAttributes.Directory) && (sub = new DirectoryInfo(target.FullName)) is not null))
            {
                var canonical = Canonical(sub);
                if (!ancestors.Add(canonical))
                {
                    throw LineageHubException.InvalidInput(DatasetMessages.SymlinkLoop(entry.FullName, canonical));
                }
                Walk(sub, relative + "/", ancestors, files, cancellationToken);
                ancestors.Remove(canonical);
            }
            else
            {
                files.Add((Encoding.UTF8.GetBytes(relative), relative, entry.FullName));
            }
        }
    }

    private static FileSystemInfo Resolve(FileSystemInfo link)
    {
        try
        {
            var target = link.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists)
            {
                throw new LineageHubException(ErrorCode.NotFound, DatasetMessages.Unreadable(link.FullName, "a symbolic link to nothing"));
            }
            return target;
        }
        catch (IOException ex)
        {
            // Too many levels of links (ELOOP) lands here.
            throw LineageHubException.InvalidInput(DatasetMessages.SymlinkLoop(link.FullName, ex.Message));
        }
    }

    private static string Canonical(DirectoryInfo directory)
    {
        var full = directory.FullName.TrimEnd('/');
        return directory.LinkTarget is null ? full : (directory.ResolveLinkTarget(true)?.FullName ?? full);
    }
}
