namespace LineageHub.Core.Domain;

/// <summary>
/// The kinds of edge. Each is stored in the direction its name reads (a run READ a dataset version);
/// <see cref="EdgeRules"/> says which end is upstream.
/// </summary>
public enum EdgeKind
{
    /// <summary>DatasetVersion → Dataset, ModelVersion → Model.</summary>
    VersionOf,

    /// <summary>Run → DatasetVersion it read.</summary>
    Read,

    /// <summary>Run → DatasetVersion it wrote.</summary>
    Wrote,

    /// <summary>Run → Job.</summary>
    RunOf,

    /// <summary>Run → Commit or SourceFile it ran.</summary>
    UsedCode,

    /// <summary>Run → ModelVersion it produced.</summary>
    Produced,

    /// <summary>Dataset, DatasetVersion, Consent or ConsentBatch → the SourceSystem it came from.</summary>
    SuppliedBy,

    /// <summary>Commit → parent Commit.</summary>
    Parent,

    /// <summary>Commit or SourceFile → Repository.</summary>
    InRepo,

    /// <summary>Consent → DataSubject who gave it.</summary>
    GivenBy,

    /// <summary>DatasetVersion → the DatasetVersion it was derived from.</summary>
    DerivedFrom,

    /// <summary>Verification → the DatasetVersion it checked.</summary>
    Verifies,

    /// <summary>BasisDeclaration → the SourceSystem or Dataset whose data it covers.</summary>
    Covers,
}
