namespace LineageHub.GraphQL.Execution;

/// <summary>What the executor needs of a loader: start its pending batch when execution goes idle, and its size.</summary>
internal interface IDataLoaderDispatch
{
    bool DispatchPending();

    /// <summary>How many distinct keys it has been asked for so far.</summary>
    int KeyCount { get; }
}
