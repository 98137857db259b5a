using LineageHub.Api.Contracts;

namespace LineageHub.Client;

/// <summary>
/// What the CLI's verbs ask of LineageHub, answered either by a local store (<c>--data</c>) or a
/// running server (<c>--server</c>) with the same JSON, so a verb prints the same thing either way.
/// </summary>
public interface ILineageService : IAsyncDisposable
{
    Task<TreeHeadJson> HeadAsync(CancellationToken cancellationToken);

    Task<InclusionProofJson> ProveInclusionAsync(long seq, long? treeSize, CancellationToken cancellationToken);

    Task<ConsistencyProofJson> ProveConsistencyAsync(long fromSize, long toSize, CancellationToken cancellationToken);

    Task<VerificationReportJson> VerifyAsync(CancellationToken cancellationToken);

    Task<LineageJson> LineageAsync(LineageQuery query, CancellationToken cancellationToken);

    /// <summary>The node with this id (kind:key), or null when none is recorded.</summary>
    Task<NodeJson?> FindNodeAsync(string id, CancellationToken cancellationToken);

    /// <summary>Appends a change set given in its JSON form (<see cref="Core.Ledger.ChangeSetJson"/>).</summary>
    Task<AppendResultJson> AppendAsync(byte[] changeSetJson, CancellationToken cancellationToken);

    /// <summary>Registers a run with the facts it stands on, as one change set (see <see cref="RunRegistrationJson"/>).</summary>
    Task<AppendResultJson> RegisterRunAsync(RunRegistrationJson registration, CancellationToken cancellationToken);
}
