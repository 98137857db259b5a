using LineageHub.Core.Hashing;

namespace LineageHub.Core.Domain;

/// <summary>
/// The subject set a dataset version was registered with: which columns named the subjects, how many
/// distinct subjects there are and the Merkle root over their sorted pseudonyms (schema/consent.md).
/// </summary>
public sealed record SubjectSetRef(IReadOnlyList<string> Columns, long Count, Digest Root);
