using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;

namespace LineageHub.Testing;

/// <summary>A registered-in-one-change-set lineage and its named parts, for assertions.</summary>
public sealed record LineageScenario(
    ChangeSet Changes,
    DatasetVersion CrmV1,
    DatasetVersion LedgerV1,
    DatasetVersion FeaturesV1,
    Run EtlRun,
    Run TrainRun,
    ModelVersion ModelV1);
