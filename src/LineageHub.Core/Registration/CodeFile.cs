namespace LineageHub.Core.Registration;

/// <summary>One source file a run used: its path in the repository and its git blob hash.</summary>
public sealed record CodeFile(string Path, string BlobHash);
