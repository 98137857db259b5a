namespace LineageHub.Core.Evidence.Sampling;

/// <summary>The messages of consent samples and their verification, so tests assert on the same text.</summary>
public static class SampleMessages
{
    public const string NotCanonical = "the sample is not in its one byte form (schema/consent.md): something in it was changed after it was written";

    public const string NoDecisionTime = "cannot sample: the lineage gives no decision time (no training run with a start time), so no subject was decided";

    public const string EmptyPopulation = "cannot sample: no source of this proof is decided subject by subject (each has a declaration or no subject set)";

    public static string SizeTooSmall(int requested) => $"a sample holds at least 1 subject; --sample {requested} asks for none";

    public static string SizeTooLarge(int requested, int max) =>
        $"a sample holds at most {max:N0} subjects; --sample {requested:N0} asks for more (the bundle itself checks every subject)";

    public static string ChallengeTooLong(int max) => $"a challenge is at most {max} UTF-8 bytes";

    public static string TookAll(int requested, long population) =>
        $"{requested:N0} subjects were asked for but the population has only {population:N0}: the sample holds all of them";

    public static string PositionOutside(long position, long population) => $"position {position} is outside the population of {population} subjects";

    public const string OtherBundlePrefix = "the sample was not cut from the bundle given: ";

    public static string OtherBundle(string what) => $"{OtherBundlePrefix}their {what} differ";

    public static string BundleInvalid(string failure) => $"the bundle given does not verify: {failure}";

    public static string ChallengeMismatch(string expected, string actual) =>
        $"the sample was drawn with challenge '{actual}', not the challenge '{expected}' you gave";

    public const string SeedMismatch = "the sample's seed is not the one its tree head, question and challenge give";

    public const string PopulationMismatch = "the sample's population is not the one the lineage in its entries gives";

    public static string DecisionTimeMismatch(string claimed, string actual) => $"the sample says subjects were decided at {claimed}, but the lineage gives {actual}";

    public static string WrongSubjects(int expected, int actual) =>
        $"the sample holds {actual} subjects where its draw gives {expected}, or not those the draw gives, in draw order";

    public static string Subject(int ordinal, long position, string pseudonym, string failure) => $"sampled subject {ordinal} (position {position}, {pseudonym}): {failure}";

    public static string WrongSource(string claimed, string actual) => $"it is named in {claimed}, but its position lies in {actual}";

    public static string NotAMember(string failure) => $"its membership proof in the subject set fails: {failure}";

    public const string WrongBatches = "its consent excerpts are not one per consent batch of the lineage, in root order";

    public static string Batch(string root, string failure) => $"consent batch {root}: {failure}";

    public static string BatchSize(long claimed, long actual) => $"the excerpt says the batch has {claimed} records, its ledger fact {actual}";

    public static string LeafNotIncluded(long index, string failure) => $"leaf {index} is not in the batch: {failure}";

    public static string BadRecord(long index, string failure) => $"leaf {index} is not a consent record: {failure}";

    public static string NotTheSubject(long index) => $"leaf {index} is listed as the subject's record but names another subject";

    public static string NeighbourIsTheSubject(string which, long index) =>
        $"the {which} neighbour, leaf {index}, is a record of the subject itself: a record was left out of the excerpt";

    public static string NeighbourOrder(string which, long index) => $"the {which} neighbour, leaf {index}, does not sort on that side of the subject";

    public const string NotAdjacent = "the neighbours and records are not adjacent leaves: a leaf between them was left out";

    public const string MissingNeighbour = "a neighbour is missing though the records do not reach the batch's edge";

    public static string MissingBlob(string what, string root) => $"the bundle does not carry the {what} {root} its lineage names";

    public const string EmptyBatch = "an empty batch has the empty tree's root and no leaves";

    public static string LeavesOutOfOrder(long first, long second) =>
        $"leaves {first} and {second} are not in ascending order: the batch is not sorted as its format requires";

    public static string DecisionMismatch(string claimed, string actual) => $"the sample says '{claimed}', but its records give '{actual}'";

    public static string VerdictDisagrees(string sample, string verdict) => $"the sample's decision '{sample}' differs from the bundle's verdict, '{verdict}'";
}
