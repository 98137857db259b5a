using LineageHub.Core.Domain;
using LineageHub.Core.Storage;

namespace LineageHub.Core.Lineage.Diff;

public sealed partial class LineageDiffer
{
    /// <summary>The compared model versions' metrics side by side (none for runs or dataset versions); changed ones are changes.</summary>
    private static List<MetricDelta> DiffMetrics(Session session)
    {
        var (a, b) = (session.Request.From, session.Request.To);
        if (a.Kind != NodeKind.ModelVersion)
        {
            return [];
        }
        var before = session.Record<ModelVersion>(a).Metrics ?? new Dictionary<string, double>();
        var after = session.Record<ModelVersion>(b).Metrics ?? new Dictionary<string, double>();
        var metrics = before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(name => new MetricDelta(name, before.TryGetValue(name, out var x) ? x : null, after.TryGetValue(name, out var y) ? y : null))
            .ToList();
        foreach (var metric in metrics.Where(m => m.Changed))
        {
            session.Add(new LineageChange(ChangeKind.Metric, Describe(b), 0, a, b) { Metric = metric }, [a], [b]);
        }
        return metrics;
    }

    private async Task DiffConsentAsync(Session session, CancellationToken cancellationToken)
    {
        var (a, b) = (session.Request.From, session.Request.To);
        var before = await _evidence.ConsentOutcomeAsync(a, cancellationToken).ConfigureAwait(false) ?? await ProvenConsentAsync(a, cancellationToken).ConfigureAwait(false);
        var after = await _evidence.ConsentOutcomeAsync(b, cancellationToken).ConfigureAwait(false) ?? await ProvenConsentAsync(b, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            session.Add(new LineageChange(ChangeKind.Consent, Describe(b), 0, a, b) { Value = new ValueChange("consent proof", before, after) }, [a], [b]);
        }
    }

    /// <summary>
    /// The consent proof's outcome for a model version whose model declares a purpose, proven now from the
    /// store's subject sets and consent batches (schema/consent.md); null when there is nothing to prove:
    /// not a model version, no declared purpose, or a store that keeps no consent evidence.
    /// </summary>
    private async Task<string?> ProvenConsentAsync(NodeKey node, CancellationToken cancellationToken)
    {
        if (node.Kind != NodeKind.ModelVersion || store is not IConsentEvidenceStore evidence
            || await store.FindNodeAsync(node, cancellationToken: cancellationToken).ConfigureAwait(false) is not { } record
            || await store.FindNodeAsync(record.As<ModelVersion>().Id.Model.Key, cancellationToken: cancellationToken).ConfigureAwait(false) is not { } model
            || model.As<Model>().Purpose is not { } purpose)
        {
            return null;
        }
        var bundle = await Evidence.ConsentProver.ProveAsync(store, evidence, node, purpose, null, cancellationToken).ConfigureAwait(false);
        return $"{bundle.Verdict.Outcome} for {purpose}";
    }

    // Up to this many verification facts in the store are read whole (a page) rather than searched for by version.
    private const int MaxListedVerifications = 1000;

    /// <summary>
    /// Dataset versions on either side whose newest verification is not OK. The verifications are found from
    /// whichever end is smaller: the store's verification facts, when there are few of them (one page read,
    /// then their VERIFIES edges), else the versions' incoming VERIFIES edges.
    /// </summary>
    private async Task<List<IntegrityFinding>> IntegrityAsync(Session session, CancellationToken cancellationToken)
    {
        var versions = session.From.Keys.Concat(session.To.Keys).Where(k => k.Kind == NodeKind.DatasetVersion).ToHashSet();
        if (versions.Count == 0)
        {
            return [];
        }
        List<(NodeKey Verification, NodeKey Version)> checks;
        IReadOnlyDictionary<NodeKey, NodeRecord> records;
        var few = Math.Min(versions.Count, MaxListedVerifications);
        var listed = await store.ListNodesAsync(NodeKind.Verification, null, null, few + 1, cancellationToken).ConfigureAwait(false);
        if (listed.Count <= few)
        {
            records = listed.ToDictionary(r => r.Key);
            var edges = listed.Count == 0
                ? new Dictionary<NodeKey, IReadOnlyList<EdgeRecord>>()
                : await store.GetEdgesOfManyAsync([.. records.Keys], EdgeDirection.Outgoing, EdgeKind.Verifies, cancellationToken).ConfigureAwait(false);
            checks = [.. edges.SelectMany(p => p.Value).Where(e => versions.Contains(e.To)).Select(e => (e.From, e.To))];
        }
        else
        {
            var edges = await store.GetEdgesOfManyAsync(versions, EdgeDirection.Incoming, EdgeKind.Verifies, cancellationToken).ConfigureAwait(false);
            checks = [.. edges.SelectMany(p => p.Value.Select(e => (e.From, p.Key)))];
            records = checks.Count == 0
                ? new Dictionary<NodeKey, NodeRecord>()
                : await store.FindNodesAsync([.. checks.Select(c => c.Verification).Distinct()], cancellationToken).ConfigureAwait(false);
        }
        var findings = new List<IntegrityFinding>();
        foreach (var group in checks.Where(c => records.ContainsKey(c.Verification)).GroupBy(c => c.Version))
        {
            var newest = group.Select(c => records[c.Verification].As<Verification>()).MaxBy(v => v.CheckedAt)!;
            if (newest.Outcome != VerificationOutcome.Ok)
            {
                var sides = session.From.Contains(group.Key) ? (session.To.Contains(group.Key) ? "both" : "from") : "to";
                findings.Add(new IntegrityFinding(group.Key, sides, newest.Outcome, newest.CheckedAt, newest.Evidence));
            }
        }
        return [.. findings.OrderBy(f => f.Version.ToString(), StringComparer.Ordinal)];
    }
}
