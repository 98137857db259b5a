namespace LineageHub.Core.Evidence;

/// <summary>What a bundle answers: was <see cref="ModelVersion"/> trained with a valid basis for <see cref="Purpose"/>, judged on the ledger's first <see cref="LedgerSize"/> entries.</summary>
public sealed record EvidenceQuestion(string ModelVersion, string Purpose, DateTimeOffset? AsOf, long LedgerSize);
