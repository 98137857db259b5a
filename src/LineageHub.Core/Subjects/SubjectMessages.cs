namespace LineageHub.Core.Subjects;

/// <summary>The messages of subject sets and their proofs, so tests assert on the same text.</summary>
public static class SubjectMessages
{
    public static string NotAPseudonym(string text) =>
        $"not a subject pseudonym: '{(text.Length <= 80 ? text : text[..80] + "…")}' (expected 64 hex digits)";

    public static string MembersLength(long length) =>
        $"a subject set's members are 32-byte pseudonyms; got {length} bytes, not a multiple of 32";

    public static string MembersNotSorted(long index) =>
        $"a subject set's members must be strictly ascending; member {index} is not greater than the one before it";

    public const string EmptySetHasNoNeighbours = "the set is empty, so its root must be the empty tree's hash and the proof names no neighbours";

    public const string NeighboursNotAdjacent = "the two neighbours are not adjacent leaves";

    public const string SubjectNotBetweenNeighbours = "the subject does not lie strictly between the neighbours";

    public const string FirstNeighbourNotEdge = "with no lower neighbour, the upper one must be leaf 0";

    public const string LastNeighbourNotEdge = "with no upper neighbour, the lower one must be the last leaf";

    public const string NoNeighbours = "a non-empty set's absence proof names at least one neighbour";

    public static string NeighbourPath(string which, string failure) => $"the {which} neighbour's inclusion proof fails: {failure}";
}
