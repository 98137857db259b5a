namespace LineageHub.Core.Domain;

/// <summary>One integrity check's result.</summary>
public readonly record struct VerificationId(Guid Value)
{
    /// <summary>The graph node key of this id.</summary>
    public NodeKey Key => NodeKey.Of(NodeKind.Verification, Value.ToString("D"));

    public override string ToString() => Value.ToString("D");
}
