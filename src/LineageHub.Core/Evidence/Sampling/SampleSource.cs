using LineageHub.Core.Hashing;

namespace LineageHub.Core.Evidence.Sampling;

/// <summary>One source dataset version of a sample's population: its subject set's root and member count, as its ledger entry names them.</summary>
public sealed record SampleSource(string DatasetVersion, string? Source, Digest SubjectSetRoot, long Subjects);
