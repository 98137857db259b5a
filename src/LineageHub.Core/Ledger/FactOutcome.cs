namespace LineageHub.Core.Ledger;

/// <summary>What appending did with one fact.</summary>
public enum FactOutcome
{
    /// <summary>The fact is new and was recorded.</summary>
    Created,

    /// <summary>The same fact was already recorded; nothing changed.</summary>
    Unchanged,
}
