namespace LineageHub.Core.Consent;

/// <summary>One subject of one source dataset version without a valid basis, and why.</summary>
public sealed record ConsentViolation(string Subject, string DatasetVersion, string? Source, ViolationReason Reason);
