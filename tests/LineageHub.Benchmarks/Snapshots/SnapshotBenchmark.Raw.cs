using System.Diagnostics;
using System.Security.Cryptography;
using LineageHub.Connectors.Datasets.Raw;

namespace LineageHub.Benchmarks.Snapshots;

public sealed partial class SnapshotBenchmark
{
    private static void Raw(string folder, int mib, int runs, CancellationToken cancellationToken)
    {
        var file = Path.Combine(folder, "raw.bin");
        WriteRandom(file, mib);
        var megabytes = mib * 1.048576;
        Console.WriteLine($"\nraw mode, {mib} MiB file (medians of {runs}; the file is in the page cache after a first read)");
        Sha256sumLike("cat", file);

        // Anchors inside .NET: SHA256.HashData over 1 MiB blocks, in memory, and reading the file as we do.
        var block = new byte[1 << 20];
        Random.Shared.NextBytes(block);
        var digest = new byte[32];
        var memory = Median(runs, () =>
        {
            for (var i = 0; i < mib; i++)
            {
                SHA256.HashData(block, digest);
            }
        });
        var fromFile = Median(runs, () =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 0);
            int read;
            while ((read = stream.ReadAtLeast(block, block.Length, throwOnEndOfStream: false)) > 0)
            {
                SHA256.HashData(block.AsSpan(0, read), digest);
            }
        });
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var one = Median(runs, () => RawFileHasher.Hash(file, 1, null, cancellationToken));
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / runs;
        var two = Median(runs, () => RawFileHasher.Hash(file, 2, null, cancellationToken));
        var sha256sum = Median(runs, () => Sha256sumLike("sha256sum", file));
        var md5sum = Median(runs, () => Sha256sumLike("md5sum", file));
        var openssl = Median(runs, () => Sha256sumLike("openssl", file, "dgst", "-sha256"));

        Console.WriteLine(Row("SHA256.HashData, 1 MiB blocks in memory", megabytes / memory, "MB/s", "(anchor)"));
        Console.WriteLine(Row("SHA256.HashData, 1 MiB blocks read from file", megabytes / fromFile, "MB/s", "(anchor)"));
        Console.WriteLine(Row("lineagehub raw, 1 thread", megabytes / one, "MB/s", $"{fromFile / one:P0} of the file anchor, {memory / one:P0} of the in-memory one (target ≥ 85 %)"));
        Console.WriteLine(Row("lineagehub raw, 2 threads", megabytes / two, "MB/s", $"{one / two:F2}× one thread (target ≥ 1.5×)"));
        Console.WriteLine(Row("sha256sum", megabytes / sha256sum, "MB/s", "(anchor)"));
        Console.WriteLine(Row("md5sum", megabytes / md5sum, "MB/s", "(anchor)"));
        Console.WriteLine(Row("openssl dgst -sha256", megabytes / openssl, "MB/s", "(anchor)"));
        Console.WriteLine(Row("managed bytes allocated per 1-thread run", allocated / 1e6, "MB", "(target: memory under 64 MB whatever the size)"));
        Console.WriteLine(Row("process peak resident set so far", Environment.WorkingSet / 1e6, "MB", $"(VmHWM {PeakResidentMegabytes():F1} MB, runtime included)"));
        File.Delete(file);
    }

    private static void WriteRandom(string file, int mib)
    {
        var block = new byte[1 << 20];
        new Random(9162).NextBytes(block);
        using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        for (var i = 0; i < mib; i++)
        {
            // Every mebibyte differs, so no chunk hash repeats.
            BitConverter.TryWriteBytes(block, i);
            stream.Write(block);
        }
    }

    private static double Sha256sumLike(string program, string file, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        info.ArgumentList.Add(file);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.StandardOutput.BaseStream.CopyTo(Stream.Null);
        process.WaitForExit();
        return watch.Elapsed.TotalSeconds;
    }

    private static double Median(int runs, Action action) => Median(runs, () =>
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    });

    private static double Median(int runs, Func<double> measure)
    {
        var samples = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            samples.Add(measure());
        }
        return Stats.Median(samples);
    }

    private static double PeakResidentMegabytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return double.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024;
            }
        }
        return double.NaN;
    }
}
