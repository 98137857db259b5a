namespace LineageHub.Core.Domain;

/// <summary>The kinds of node in the lineage graph.</summary>
public enum NodeKind
{
    Dataset,
    DatasetVersion,
    SourceSystem,
    Job,
    Run,
    Model,
    ModelVersion,
    Repository,
    Commit,
    SourceFile,
    DataSubject,
    Consent,
    Verification,
    ConsentBatch,
    BasisDeclaration,
}
