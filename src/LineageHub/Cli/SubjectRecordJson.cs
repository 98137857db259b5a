namespace LineageHub.Cli;

/// <summary>One consent record of the subject, with the batch it came in.</summary>
public sealed record SubjectRecordJson(string Batch, string Purpose, string Basis, DateTimeOffset GrantedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? WithdrawnAt);
