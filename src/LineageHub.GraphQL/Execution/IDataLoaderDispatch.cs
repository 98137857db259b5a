namespace LineageHub.GraphQL.Execution;

/// <summary>What the executor needs of a loader: start its pending batch when execution goes idle.</summary>
internal interface IDataLoaderDispatch
{
    bool DispatchPending();
}
