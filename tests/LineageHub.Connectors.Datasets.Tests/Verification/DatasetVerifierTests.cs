using System.Diagnostics;
using System.Text;
using LineageHub.Connectors.Datasets.Tests.Support;
using LineageHub.Connectors.Datasets.Verification;
using LineageHub.Core.Domain;
using LineageHub.Core.Snapshots;

namespace LineageHub.Connectors.Datasets.Tests.Verification;

public sealed class DatasetVerifierTests : IDisposable
{
    private const int Mebibyte = SnapshotFormat.RawChunkSize;
    private readonly TemporaryDirectory _dir = new();

    private DatasetVerificationOptions Options => new(new AllowedRoots([_dir.Path])) { SaltKey = Snap.Key, Parallelism = 2 };

    [Fact]
    public void UnchangedRawFile_IsOk()
    {
        var path = _dir.File("blob.bin", Bytes(3 * Mebibyte + 17));
        var result = DatasetVerifier.Verify(Register(path, SnapshotMode.Raw), Options);

        Assert.Equal(VerificationOutcome.Ok, result.Outcome);
        Assert.Equal(3 * Mebibyte + 17, result.BytesRead);
    }

    [Fact]
    public void OneFlippedByteInARawFile_IsTampered_NamingItsChunkAndByteRange()
    {
        var path = _dir.File("blob.bin", Bytes(3 * Mebibyte + 17));
        var version = Register(path, SnapshotMode.Raw);
        Flip(path, Mebibyte + 12345);

        var result = DatasetVerifier.Verify(version, Options);

        Assert.Equal(VerificationOutcome.Tampered, result.Outcome);
        var difference = Assert.Single(result.Differences);
        Assert.Equal(1, difference.Chunk);
        Assert.Equal(Mebibyte, difference.FirstByte);
        Assert.Equal(2L * Mebibyte - 1, difference.LastByte);
    }

    [Fact]
    public void OneFlippedByteInAKeyedCsv_IsTampered_NamingTheChunkThatHoldsTheRow()
    {
        var path = _dir.File("t.csv", Snap.Csv(1, 20_000));
        var version = Register(path, SnapshotMode.Table, key: "id");
        FlipText(path, "name 12345,", "name 12346,");

        var result = DatasetVerifier.Verify(version, Options);

        Assert.Equal(VerificationOutcome.Tampered, result.Outcome);
        var chunk = Assert.Single(result.Differences);
        Assert.Equal("chunk", chunk.Part);
        Assert.InRange(12345 - 1, chunk.FirstRow!.Value, chunk.LastRow!.Value);
        Assert.InRange(12345, double.Parse(chunk.FirstKey!, System.Globalization.CultureInfo.InvariantCulture), double.Parse(chunk.LastKey!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void OneFlippedByteInAParquetFile_IsTampered_NamingTheChunkThatHoldsTheRow()
    {
        var csv = _dir.File("source.csv", Snap.Csv(1, 20_000));
        var path = Path.Combine(_dir.Path, "t.parquet");
        DuckDb.Execute($"COPY (SELECT * FROM read_csv('{csv}', header = true) ORDER BY id) TO '{path}' (FORMAT parquet, COMPRESSION uncompressed);");
        var version = Register(path, SnapshotMode.Table, key: "id");
        FlipText(path, "name 12345", "name 12346");

        var result = DatasetVerifier.Verify(version, Options);

        Assert.Equal(VerificationOutcome.Tampered, result.Outcome);
        var chunk = Assert.Single(result.Differences);
        Assert.InRange(12345 - 1, chunk.FirstRow!.Value, chunk.LastRow!.Value);
    }

    [Fact]
    public void AChangedFileOfARawFolder_IsTampered_NamingTheFile()
    {
        var folder = Path.Combine(_dir.Path, "parts");
        _dir.File("parts/a.bin", Bytes(1000));
        var b = _dir.File("parts/sub/b.bin", Bytes(2000));
        var version = Register(folder, SnapshotMode.Raw);
        Flip(b, 10);

        var result = DatasetVerifier.Verify(version, Options);

        Assert.Equal(VerificationOutcome.Tampered, result.Outcome);
        Assert.Equal("sub/b.bin", Assert.Single(result.Differences).File);
    }

    [Fact]
    public void ADeletedFile_IsMissing_AndRestoredItIsOkAgain()
    {
        var path = _dir.File("t.csv", Snap.Csv(1, 100));
        var version = Register(path, SnapshotMode.Table);
        var content = File.ReadAllBytes(path);
        File.Delete(path);

        Assert.Equal(VerificationOutcome.Missing, DatasetVerifier.Verify(version, Options).Outcome);
        File.WriteAllBytes(path, content);
        Assert.Equal(VerificationOutcome.Ok, DatasetVerifier.Verify(version, Options).Outcome);
    }

    [Fact]
    public void AUriOutsideTheAllowedRoots_IsReportedAndNeverRead()
    {
        var path = _dir.File("outside/blob.bin", Bytes(5000));
        var version = Register(path, SnapshotMode.Raw);
        var options = Options with { Roots = new AllowedRoots([Path.Combine(_dir.Path, "inside")]) };

        var result = DatasetVerifier.Verify(version, options);

        Assert.Equal(VerificationOutcome.Unreadable, result.Outcome);
        Assert.Contains("outside the allowed roots", result.Summary, StringComparison.Ordinal);
        Assert.Equal(0, result.BytesRead);
    }

    [Fact]
    public void ASymbolicLinkLeadingOutOfTheRoot_IsRefused()
    {
        var outside = _dir.File("outside/blob.bin", Bytes(5000));
        Directory.CreateDirectory(Path.Combine(_dir.Path, "inside"));
        var link = Path.Combine(_dir.Path, "inside", "link.bin");
        File.CreateSymbolicLink(link, outside);
        var version = Register(link, SnapshotMode.Raw);

        var result = DatasetVerifier.Verify(version, Options with { Roots = new AllowedRoots([Path.Combine(_dir.Path, "inside")]) });

        Assert.Equal(VerificationOutcome.Unreadable, result.Outcome);
        Assert.Equal(0, result.BytesRead);
    }

    [Fact]
    public void ANonFileUri_IsUnreadable()
    {
        var version = Register(_dir.File("a.bin", Bytes(10)), SnapshotMode.Raw) with { StorageUri = "s3://bucket/a.bin" };

        var result = DatasetVerifier.Verify(version, Options);

        Assert.Equal(VerificationOutcome.Unreadable, result.Outcome);
        Assert.Equal(DatasetVerificationMessages.NotLocal("s3://bucket/a.bin"), result.Summary);
    }

    [Fact]
    public void ATableVersion_WithAnotherSaltKey_IsUnreadable_NamingTheKeyIds()
    {
        var version = Register(_dir.File("t.csv", Snap.Csv(1, 10)), SnapshotMode.Table);

        var result = DatasetVerifier.Verify(version, Options with { SaltKey = SnapshotSaltKey.Generate() });

        Assert.Equal(VerificationOutcome.Unreadable, result.Outcome);
        Assert.Contains(Snap.Key.Id.ToString(), result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void IncrementalMode_SkipsAFileWhoseSizeAndTimeAreUnchanged_AndSaysSo()
    {
        var path = _dir.File("blob.bin", Bytes(2 * Mebibyte));
        var version = Register(path, SnapshotMode.Raw);
        var options = Options with { Incremental = true };
        var first = DatasetVerifier.Verify(version, options);

        var second = DatasetVerifier.Verify(version, options, first.Stamps);
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(-5));
        var third = DatasetVerifier.Verify(version, options, first.Stamps);

        Assert.Equal(2 * Mebibyte, first.BytesRead);
        Assert.True(second.Incremental);
        Assert.Equal(1, second.FilesSkipped);
        Assert.Equal(0, second.BytesRead);
        Assert.Equal(DatasetVerificationMessages.Skipped(path), second.Summary);
        Assert.Equal(0, third.FilesSkipped);
        Assert.Equal(2 * Mebibyte, third.BytesRead);
    }

    [Fact]
    public void IncrementalModeOff_IgnoresTheBaseline()
    {
        var path = _dir.File("blob.bin", Bytes(Mebibyte));
        var version = Register(path, SnapshotMode.Raw);
        var first = DatasetVerifier.Verify(version, Options);

        var second = DatasetVerifier.Verify(version, Options, first.Stamps);

        Assert.False(second.Incremental);
        Assert.Equal(Mebibyte, second.BytesRead);
    }

    [Fact]
    public void ABoundedReadRate_HoldsTheReaderBack()
    {
        var path = _dir.File("blob.bin", Bytes(6 * Mebibyte));
        var version = Register(path, SnapshotMode.Raw);
        var watch = Stopwatch.StartNew();

        var result = DatasetVerifier.Verify(version, Options with { MaxBytesPerSecond = 2 * Mebibyte });

        // 6 MiB at 2 MiB/s with one second's burst: at least two seconds.
        Assert.Equal(VerificationOutcome.Ok, result.Outcome);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.8), $"took {watch.Elapsed}");
    }

    public void Dispose() => _dir.Dispose();

    private static DatasetVersion Register(string path, SnapshotMode mode, string? key = null)
    {
        var snapshot = DatasetSnapshotter.Snapshot(new SnapshotRequest(path, mode) { SaltKey = Snap.Key, Key = key, Parallelism = 2 });
        return snapshot.ToDatasetVersion("file://tests", Path.GetFileName(path), null, new Uri(path).AbsoluteUri);
    }

    private static byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    private static void Flip(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = offset;
        var b = stream.ReadByte();
        stream.Position = offset;
        stream.WriteByte((byte)(b ^ 0x01));
    }

    // Changes one byte where the text occurs, so a row's value changes and the file's length does not.
    private static void FlipText(string path, string from, string to)
    {
        var bytes = File.ReadAllBytes(path);
        var at = bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(from));
        Assert.True(at >= 0, $"'{from}' is not in {path}");
        var replacement = Encoding.UTF8.GetBytes(to);
        Assert.Equal(from.Length, replacement.Length);
        replacement.CopyTo(bytes, at);
        File.WriteAllBytes(path, bytes);
    }
}
