using System.Collections.Frozen;

namespace LineageHub.Core.Domain;

/// <summary>Which node kinds each edge kind may join, which end is upstream, and the edge kinds' wire names.</summary>
public static class EdgeRules
{
    private static readonly FrozenDictionary<EdgeKind, (NodeKind From, NodeKind To)[]> Endpoints = new Dictionary<EdgeKind, (NodeKind, NodeKind)[]>
    {
        [EdgeKind.VersionOf] = [(NodeKind.DatasetVersion, NodeKind.Dataset), (NodeKind.ModelVersion, NodeKind.Model)],
        [EdgeKind.Read] = [(NodeKind.Run, NodeKind.DatasetVersion)],
        [EdgeKind.Wrote] = [(NodeKind.Run, NodeKind.DatasetVersion)],
        [EdgeKind.RunOf] = [(NodeKind.Run, NodeKind.Job)],
        [EdgeKind.UsedCode] = [(NodeKind.Run, NodeKind.Commit), (NodeKind.Run, NodeKind.SourceFile)],
        [EdgeKind.Produced] = [(NodeKind.Run, NodeKind.ModelVersion)],
        [EdgeKind.SuppliedBy] = [(NodeKind.Dataset, NodeKind.SourceSystem), (NodeKind.DatasetVersion, NodeKind.SourceSystem), (NodeKind.Consent, NodeKind.SourceSystem), (NodeKind.ConsentBatch, NodeKind.SourceSystem)],
        [EdgeKind.Parent] = [(NodeKind.Commit, NodeKind.Commit)],
        [EdgeKind.InRepo] = [(NodeKind.Commit, NodeKind.Repository), (NodeKind.SourceFile, NodeKind.Repository)],
        [EdgeKind.GivenBy] = [(NodeKind.Consent, NodeKind.DataSubject)],
        [EdgeKind.DerivedFrom] = [(NodeKind.DatasetVersion, NodeKind.DatasetVersion)],
        [EdgeKind.Verifies] = [(NodeKind.Verification, NodeKind.DatasetVersion)],
        [EdgeKind.Covers] = [(NodeKind.BasisDeclaration, NodeKind.SourceSystem), (NodeKind.BasisDeclaration, NodeKind.Dataset)],
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<EdgeKind, string> Names = Enum.GetValues<EdgeKind>()
        .ToFrozenDictionary(k => k, k => string.Concat(k.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString())));

    private static readonly FrozenDictionary<string, EdgeKind> ByName = Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>
    /// True when the edge's target is upstream of its source (the source depends on the target);
    /// false for the two producing edges, WROTE and PRODUCED, whose source (the run) is upstream.
    /// </summary>
    public static bool TargetIsUpstream(EdgeKind kind) => kind is not (EdgeKind.Wrote or EdgeKind.Produced);

    /// <summary>Whether <paramref name="kind"/> may join a <paramref name="from"/> node to a <paramref name="to"/> node.</summary>
    public static bool Allows(EdgeKind kind, NodeKind from, NodeKind to) => Endpoints[kind].Contains((from, to));

    /// <summary>The endpoint pairs an edge kind allows, for error messages.</summary>
    public static string Describe(EdgeKind kind) => string.Join(", ", Endpoints[kind].Select(p => $"{NodeKinds.Name(p.From)} → {NodeKinds.Name(p.To)}"));

    /// <summary>The upper-case wire name, as in READ or DERIVED_FROM.</summary>
    public static string Name(EdgeKind kind) => Names[kind];

    public static bool TryParse(string name, out EdgeKind kind) => ByName.TryGetValue(name, out kind);
}
