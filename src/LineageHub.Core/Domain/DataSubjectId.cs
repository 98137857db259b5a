namespace LineageHub.Core.Domain;

/// <summary>A data subject, known only by a keyed pseudonym (HMAC-SHA-256 hex); raw identifiers never reach LineageHub.</summary>
public readonly record struct DataSubjectId(string Pseudonym)
{
    /// <summary>The graph node key of this id.</summary>
    public NodeKey Key => NodeKey.Of(NodeKind.DataSubject, Pseudonym);

    public override string ToString() => Pseudonym;
}
