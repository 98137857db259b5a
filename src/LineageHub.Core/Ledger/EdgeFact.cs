namespace LineageHub.Core.Ledger;

using LineageHub.Core.Domain;

/// <summary>An edge and its canonical properties (<c>{}</c> when it has none).</summary>
public sealed record EdgeFact(EdgeKind Kind, NodeKey From, NodeKey To, byte[] Properties)
{
    public static readonly byte[] NoProperties = "{}"u8.ToArray();

    public override string ToString() => $"{EdgeRules.Name(Kind)} {From} → {To}";
}
