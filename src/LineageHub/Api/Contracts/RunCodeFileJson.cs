namespace LineageHub.Api.Contracts;

/// <summary>One file a run used: its repository path and git blob hash.</summary>
public sealed record RunCodeFileJson(string Path, string BlobHash);
