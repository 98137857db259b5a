namespace LineageHub.Api.Contracts;

/// <summary>The code of a run to register: the repository's identity, the commit's sha and the files used.</summary>
public sealed record RunCodeJson(string Repository, string Commit, IReadOnlyList<RunCodeFileJson>? Files);
