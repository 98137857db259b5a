using LineageHub.Core.Domain;

namespace LineageHub.Core.Consent;

/// <summary>
/// What the lineage says about one proof request: the time the training run read its data, the source
/// dataset versions upstream of the model, the consent batches recorded, and anything that stops a proof.
/// </summary>
public sealed record ConsentCase(
    NodeKey ModelVersion,
    string Purpose,
    DateTimeOffset? DecisionTime,
    IReadOnlyList<SourceInput> Sources,
    IReadOnlyList<ConsentBatch> Batches,
    IReadOnlyList<string> Problems);
