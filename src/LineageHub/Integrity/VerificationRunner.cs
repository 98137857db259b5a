using LineageHub.Connectors.Datasets.Verification;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Core.Snapshots;
using LineageHub.Core.Storage;

namespace LineageHub.Integrity;

/// <summary>
/// Runs verifications and records each as a Verification fact (with a VERIFIES edge to the dataset version it
/// checked), raising an alert when a target's state changes. The one code path the scheduled jobs, the
/// <c>verifyNow</c> mutation and <c>lineagehub verify</c> share. At most
/// <see cref="VerificationSettings.MaxConcurrent"/> dataset versions are hashed at once across all callers.
/// </summary>
public sealed class VerificationRunner : IDisposable
{
    public const string Actor = "lineagehub verification";

    private readonly ILineageStore _store;
    private readonly VerificationSettings _settings;
    private readonly DatasetVerificationOptions _options;
    private readonly TimeProvider _time;
    private readonly IAlertSink? _alerts;
    private readonly VerificationHistory _history;
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _ledger = new(1);
    private readonly BackgroundScheduler _hashing;

    public VerificationRunner(ILineageStore store, VerificationSettings settings, SnapshotSaltKey? saltKey, TimeProvider time, IAlertSink? alerts)
    {
        _store = store;
        _settings = settings;
        _time = time;
        _alerts = alerts;
        _history = new VerificationHistory(store);
        _slots = new SemaphoreSlim(Math.Max(1, settings.MaxConcurrent));
        _hashing = new BackgroundScheduler(settings.Threads, settings.Nice);
        _options = new DatasetVerificationOptions(new AllowedRoots(settings.AllowedRoots))
        {
            SaltKey = saltKey,
            Incremental = settings.Incremental,
            MaxBytesPerSecond = settings.MaxBytesPerSecond,
            Parallelism = Math.Max(1, settings.Threads),
        };
    }

    public VerificationSettings Settings => _settings;

    /// <summary>Runs <paramref name="request"/>; one report per check made, in the order they finished.</summary>
    public async Task<IReadOnlyList<VerificationReport>> RunAsync(VerificationRequest request, CancellationToken cancellationToken)
    {
        switch (request.Scope)
        {
            case VerificationScope.Ledger:
                return [await VerifyLedgerAsync(cancellationToken)];
            case VerificationScope.Version:
                var key = NodeKey.TryParse(request.Value, out var parsed) && parsed.Kind == NodeKind.DatasetVersion
                    ? parsed
                    : throw LineageHubException.InvalidInput(VerificationMessages.NotADatasetVersion(request.Value ?? ""));
                var record = await _store.FindNodeAsync(key, cancellationToken) ?? throw LineageHubException.NotFound(VerificationMessages.NotADatasetVersion(request.Value!));
                return [await VerifyVersionAsync(record.As<DatasetVersion>(), cancellationToken)];
            case VerificationScope.Dataset:
                var dataset = new DatasetId(request.Value!, request.Name!).Key;
                if (await _store.FindNodeAsync(dataset, cancellationToken) is null)
                {
                    throw LineageHubException.NotFound(VerificationMessages.NoSuchDataset(request.Value!, request.Name!));
                }
                var edges = await _store.GetEdgesAsync(dataset, EdgeDirection.Incoming, EdgeKind.VersionOf, cancellationToken: cancellationToken);
                var versions = await _store.FindNodesAsync([.. edges.Select(e => e.From)], cancellationToken);
                return await VerifyManyAsync(versions.Values.Select(r => r.As<DatasetVersion>()), cancellationToken);
            case VerificationScope.Namespace:
                return await VerifyManyAsync(await VersionsAsync(v => v.Namespace == request.Value, cancellationToken), cancellationToken);
            case VerificationScope.Datasets:
                return await VerifyManyAsync(await VersionsAsync(v => !request.Except.Contains(v.Namespace), cancellationToken), cancellationToken);
            default:
                var all = await VerifyManyAsync(await VersionsAsync(_ => true, cancellationToken), cancellationToken);
                return [.. all, await VerifyLedgerAsync(cancellationToken)];
        }
    }

    public Task<VerificationReport> VerifyVersionAsync(DatasetVersion version, CancellationToken cancellationToken) => VerifyVersionAsync(version, null, cancellationToken);

    private async Task<VerificationReport> VerifyVersionAsync(DatasetVersion version, FactBatch? batch, CancellationToken cancellationToken)
    {
        Fact fact;
        await _slots.WaitAsync(cancellationToken);
        try
        {
            var target = version.Key.ToString();
            var history = await _history.ForVersionAsync(version.Key, cancellationToken);
            var baseline = VerificationEvidence.Stamps(history.LastOrDefault(v => v.Outcome == VerificationOutcome.Ok)?.Evidence);
            // Hashing is CPU and disk work: it runs on the low-priority hashing threads, never the caller's.
            var result = await Task.Factory.StartNew(() => DatasetVerifier.Verify(version, _options, baseline, cancellationToken), cancellationToken, TaskCreationOptions.DenyChildAttach, _hashing);
            fact = Prepare(target, version.Key, result.Outcome, result.Summary, VerificationEvidence.Of(result), VerificationEvidence.Lines(result), history.LastOrDefault());
        }
        finally
        {
            _slots.Release();
        }
        // Recording waits on the store, not on hashing: the slot is free for the next version meanwhile.
        if (batch is null)
        {
            await CommitAsync([fact]);
        }
        else
        {
            await batch.AddAsync(fact);
        }
        return fact.Report;
    }

    public async Task<VerificationReport> VerifyLedgerAsync(CancellationToken cancellationToken)
    {
        // Two ledger checks at once would each prove from the same previous head; one at a time is enough.
        await _ledger.WaitAsync(cancellationToken);
        try
        {
            var history = (await _history.AllAsync(cancellationToken)).Where(v => v.Target == VerificationTarget.Ledger).ToList();
            var previous = VerificationEvidence.Head(history.LastOrDefault(v => v.Outcome == VerificationOutcome.Ok)?.Evidence);
            LedgerCheck check;
            try
            {
                check = await LedgerVerifier.VerifyAsync(_store, previous, cancellationToken);
            }
            catch (LineageHubException ex)
            {
                check = new LedgerCheck(VerificationOutcome.Unreadable, VerificationMessages.StoreFailed(ex.Message), [ex.Message], previous ?? default);
            }
            var fact = Prepare(VerificationTarget.Ledger, null, check.Outcome, check.Summary, VerificationEvidence.Of(check), check.Problems, history.LastOrDefault());
            await CommitAsync([fact]);
            return fact.Report;
        }
        finally
        {
            _ledger.Release();
        }
    }

    private async Task<IReadOnlyList<VerificationReport>> VerifyManyAsync(IEnumerable<DatasetVersion> versions, CancellationToken cancellationToken)
    {
        var reports = new List<VerificationReport>();
        var batch = new FactBatch(this);
        try
        {
            await Parallel.ForEachAsync(versions, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _settings.MaxConcurrent), CancellationToken = cancellationToken }, async (version, ct) =>
            {
                var report = await VerifyVersionAsync(version, batch, ct);
                lock (reports)
                {
                    reports.Add(report);
                }
            });
        }
        finally
        {
            // Checks that finished before a cancellation are recorded all the same.
            await batch.FlushAsync();
        }
        return reports;
    }

    private async Task<List<DatasetVersion>> VersionsAsync(Func<DatasetVersion, bool> include, CancellationToken cancellationToken)
    {
        var versions = new List<DatasetVersion>();
        await foreach (var node in _store.AllNodesAsync(NodeKind.DatasetVersion, cancellationToken))
        {
            if (node.As<DatasetVersion>() is var version && include(version))
            {
                versions.Add(version);
            }
        }
        return versions;
    }

    private Fact Prepare(string target, NodeKey? verifies, VerificationOutcome outcome, string summary, string evidence, IReadOnlyList<string> details, Verification? previous)
    {
        var now = _time.GetUtcNow();
        // Version-7 ids sort by time, so the Verification nodes list in the order the checks were made.
        var verification = new Verification(Guid.CreateVersion7(now), target, outcome, now, evidence);
        var report = new VerificationReport(verification.VerificationId, target, outcome, summary, now) { Previous = previous?.Outcome, Details = details };
        return new Fact(verification, verifies, report);
    }

    // One change set for the facts given: all of them are recorded or none. Written even when the caller has
    // given up waiting, since a finished check is not thrown away; alerts go out only once it is recorded.
    private async Task CommitAsync(IReadOnlyList<Fact> facts)
    {
        if (facts.Count == 0)
        {
            return;
        }
        var changes = ChangeSet.Builder(Actor);
        foreach (var fact in facts)
        {
            changes.Add(fact.Verification);
            if (fact.Verifies is { } version)
            {
                changes.Link(EdgeKind.Verifies, fact.Verification.Key, version);
            }
        }
        await _store.AppendAsync(changes.Build(), CancellationToken.None);
        foreach (var fact in facts.Where(f => f.Report.StateChanged))
        {
            _alerts?.Publish(VerificationAlert.From(fact.Report));
        }
    }

    private sealed record Fact(Verification Verification, NodeKey? Verifies, VerificationReport Report);

    /// <summary>
    /// The facts of a sweep over many versions, appended a batch at a time: one ledger entry (one commit and
    /// one signed head) per <see cref="MaxFacts"/> checks or <see cref="MaxDelay"/>, not per check.
    /// </summary>
    private sealed class FactBatch(VerificationRunner runner)
    {
        private const int MaxFacts = 64;
        private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);
        private readonly SemaphoreSlim _gate = new(1);
        private readonly List<Fact> _pending = [];
        private long _since = System.Diagnostics.Stopwatch.GetTimestamp();

        public async Task AddAsync(Fact fact)
        {
            await _gate.WaitAsync(CancellationToken.None);
            try
            {
                _pending.Add(fact);
                if (_pending.Count >= MaxFacts || System.Diagnostics.Stopwatch.GetElapsedTime(_since) >= MaxDelay)
                {
                    await FlushLockedAsync();
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        public async Task FlushAsync()
        {
            await _gate.WaitAsync(CancellationToken.None);
            try
            {
                await FlushLockedAsync();
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task FlushLockedAsync()
        {
            await runner.CommitAsync([.. _pending]);
            _pending.Clear();
            _since = System.Diagnostics.Stopwatch.GetTimestamp();
        }
    }

    public void Dispose()
    {
        _slots.Dispose();
        _ledger.Dispose();
        _hashing.Dispose();
    }
}
