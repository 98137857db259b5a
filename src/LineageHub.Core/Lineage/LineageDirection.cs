namespace LineageHub.Core.Lineage;

/// <summary>Which way a traversal walks: toward origins, toward consumers, or both (the union of the two walks).</summary>
public enum LineageDirection
{
    Upstream,
    Downstream,
    Both,
}
