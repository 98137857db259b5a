using LineageHub.Core.Subjects;

namespace LineageHub.Core.Consent;

/// <summary>
/// What deciding a subject reads of one consent record: who, for which purpose, and when it was granted,
/// expires and was withdrawn, as UTC ticks (<see cref="long.MaxValue"/> for "never"). A struct, so a proof
/// over a million records allocates one array rather than a million objects.
/// </summary>
internal readonly record struct ConsentTerms(SubjectPseudonym Subject, string Purpose, long GrantedTicks, long ExpiresTicks, long WithdrawnTicks);
