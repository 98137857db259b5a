using LineageHub.Core.Domain;

namespace LineageHub.Core.Registration;

/// <summary>The code a run ran: a registered commit, and optionally the files (path and git blob hash) it used.</summary>
public sealed record CodeReference(CommitId Commit, IReadOnlyList<CodeFile>? Files = null);
