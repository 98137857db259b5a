using System.Security.Cryptography;
using LineageHub.Core;
using LineageHub.Core.Hashing;
using LineageHub.Core.Merkle;
using LineageHub.Core.Snapshots;
using Microsoft.Win32.SafeHandles;

namespace LineageHub.Connectors.Datasets.Raw;

/// <summary>
/// Raw mode for one file (schema/snapshot.md, "Raw mode"): leaf i = SHA-256(0x00 ‖ bytes of chunk i), the
/// chunks being the file's consecutive 1 MiB. Workers claim chunks in turn and read them with positional
/// reads into their own buffer, so memory is one chunk per worker plus 32 bytes per chunk of the file.
/// </summary>
public static class RawFileHasher
{
    public static RawFile Hash(string path, int parallelism, SnapshotProgress? progress = null, CancellationToken cancellationToken = default)
    {
        var before = FileStamp.Of(path);
        progress?.AddTotal(before.Size);
        byte[] leaves;
        using (var stream = DatasetFiles.OpenRead(path, bufferSize: 0))
        {
            var size = stream.Length;
            var chunks = (size + SnapshotFormat.RawChunkSize - 1) / SnapshotFormat.RawChunkSize;
            leaves = new byte[checked(chunks * Digest.Size)];
            var next = -1L;
            var handle = stream.SafeFileHandle;
            var workers = (int)Math.Clamp(chunks, 1, Math.Max(1, parallelism));
            // Workers run where the caller runs: scheduled verification hashes on its own low-priority threads.
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken, TaskScheduler = TaskScheduler.Current }, _ =>
            {
                // The leaf prefix goes in through an incremental hash, so reads land in an aligned buffer
                // (copying from the page cache to an odd address is measurably slower); one hash per worker.
                var buffer = GC.AllocateUninitializedArray<byte>(SnapshotFormat.RawChunkSize, pinned: true);
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                ReadOnlySpan<byte> prefix = [0x00];
                long chunk;
                while ((chunk = Interlocked.Increment(ref next)) < chunks && !cancellationToken.IsCancellationRequested)
                {
                    var offset = chunk * SnapshotFormat.RawChunkSize;
                    var length = (int)Math.Min(SnapshotFormat.RawChunkSize, size - offset);
                    ReadExactly(handle, buffer.AsSpan(0, length), offset, path);
                    sha.AppendData(prefix);
                    sha.AppendData(buffer.AsSpan(0, length));
                    sha.GetHashAndReset(leaves.AsSpan((int)(chunk * Digest.Size), Digest.Size));
                    progress?.Advance(length);
                }
            });
            cancellationToken.ThrowIfCancellationRequested();
        }
        FileStamp.Check(path, before);
        return new RawFile(path, before.Size, Digest.FromBytes(MerkleRoot.Compute(leaves)), leaves);
    }

    private static void ReadExactly(SafeFileHandle handle, Span<byte> buffer, long offset, string path)
    {
        while (!buffer.IsEmpty)
        {
            var read = RandomAccess.Read(handle, buffer, offset);
            if (read == 0)
            {
                // Shorter than when it was opened: it is being rewritten.
                throw LineageHubException.InvalidInput(DatasetMessages.Changed(path));
            }
            buffer = buffer[read..];
            offset += read;
        }
    }
}
