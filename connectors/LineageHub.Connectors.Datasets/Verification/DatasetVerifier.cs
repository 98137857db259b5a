using System.Diagnostics;
using System.Text.Json;
using LineageHub.Core;
using LineageHub.Core.Domain;

namespace LineageHub.Connectors.Datasets.Verification;

/// <summary>
/// Re-verifies a registered dataset version: recomputes its snapshot the way it was made (the mode, file
/// format, key and CSV dialect its stored metadata names, with the same hashers <see cref="DatasetSnapshotter"/>
/// uses) and compares it with what was registered. Only storage URIs below the allowed roots are read; the
/// outcome is OK, TAMPERED (naming the chunks, files, byte or row ranges that differ), MISSING or UNREADABLE
/// (saying why). Expected failures are results, never exceptions; only cancellation throws.
/// </summary>
public static partial class DatasetVerifier
{
    /// <summary>At most this many differences are listed; the summary still counts them all.</summary>
    public const int MaxDifferences = 1000;

    /// <summary>A file that changed while it was read is read again up to this many times before the check reports it UNREADABLE.</summary>
    public const int Attempts = 3;

    /// <summary>Checks <paramref name="version"/>; <paramref name="baseline"/> is the file stamps of its last successful verification, used in incremental mode.</summary>
    public static DatasetVerificationResult Verify(DatasetVersion version, DatasetVerificationOptions options, IReadOnlyDictionary<string, FileStamp>? baseline = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        if (version.StorageUri is not { Length: > 0 } uri)
        {
            return new DatasetVerificationResult(VerificationOutcome.Unreadable, DatasetVerificationMessages.NoStorageUri);
        }
        if (!options.Roots.TryResolve(uri, out var path, out var refusal))
        {
            return new DatasetVerificationResult(VerificationOutcome.Unreadable, refusal);
        }
        var progress = new SnapshotProgress { RateLimit = options.MaxBytesPerSecond is { } rate ? new ReadRateLimit(rate, cancellationToken) : null };
        var check = new Check(version, path, options, options.Incremental ? baseline : null, progress);
        var result = Attempt(check, cancellationToken);
        // A write that lands while the file is read (a copy finishing, an editor saving) leaves it changed
        // under the reader; the settled content is what the check is about, so it reads again.
        for (var attempt = 1; attempt < Attempts && result.Outcome == VerificationOutcome.Unreadable && result.Summary.EndsWith(DatasetMessages.Changed(""), StringComparison.Ordinal); attempt++)
        {
            result = Attempt(check, cancellationToken);
        }
        return result with
        {
            Path = path,
            Incremental = options.Incremental,
            BytesRead = progress.Done,
            Elapsed = watch.Elapsed,
        };
    }

    private static DatasetVerificationResult Attempt(Check check, CancellationToken cancellationToken)
    {
        var path = check.Path;
        try
        {
            return !File.Exists(path) && !Directory.Exists(path)
                ? new DatasetVerificationResult(VerificationOutcome.Missing, DatasetVerificationMessages.Missing(path))
                : check.Version.Mode == SnapshotMode.Table
                    ? VerifyTable(check, cancellationToken)
                    : Directory.Exists(path) ? VerifyDirectory(check, cancellationToken) : VerifyFile(check, cancellationToken);
        }
        catch (LineageHubException ex) when (ex.Code == ErrorCode.NotFound)
        {
            return new DatasetVerificationResult(VerificationOutcome.Missing, ex.Message);
        }
        catch (LineageHubException ex)
        {
            return new DatasetVerificationResult(VerificationOutcome.Unreadable, ex.Message);
        }
        catch (FileNotFoundException)
        {
            return new DatasetVerificationResult(VerificationOutcome.Missing, DatasetVerificationMessages.Missing(path));
        }
        catch (DirectoryNotFoundException)
        {
            return new DatasetVerificationResult(VerificationOutcome.Missing, DatasetVerificationMessages.Missing(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new DatasetVerificationResult(VerificationOutcome.Unreadable, DatasetMessages.Unreadable(path, ex.Message));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return new DatasetVerificationResult(VerificationOutcome.Unreadable, DatasetVerificationMessages.UnknownMetadata(ex.Message));
        }
    }

    private sealed record Check(DatasetVersion Version, string Path, DatasetVerificationOptions Options, IReadOnlyDictionary<string, FileStamp>? Baseline, SnapshotProgress Progress)
    {
        public JsonElement Metadata => Version.Snapshot ?? throw new InvalidOperationException("the version has no stored snapshot metadata");

        public bool Unchanged(string part, FileStamp now) => Baseline is not null && Baseline.TryGetValue(part, out var before) && before == now;
    }

    private static List<VerificationDifference> Capped(IEnumerable<VerificationDifference> all, int count)
    {
        var list = all.Take(MaxDifferences).ToList();
        if (count > MaxDifferences)
        {
            list.Add(new VerificationDifference("more", $"… and {count - MaxDifferences} more"));
        }
        return list;
    }
}
