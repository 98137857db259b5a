using LineageHub.Core.Consent;
using LineageHub.Core.Domain;

namespace LineageHub.Connectors.Consent;

/// <summary>An export read and checked: the batch to record, its ledger fact, the warnings (each naming file and line) and how long it took.</summary>
public sealed record ConsentImport(ConsentRecordBatch Batch, ConsentBatch Fact, long Rows, IReadOnlyList<string> Warnings, TimeSpan Elapsed);
