namespace LineageHub.GraphQL.Execution;

/// <summary>
/// State shared by every resolver of one request: services, the host's user context, a scratch
/// dictionary, cancellation, and the request's DataLoaders (so batching and caching are per request).
/// </summary>
public sealed class RequestContext
{
    // Created on first use: most requests touch none of them, and every request pays for what it allocates.
    private Dictionary<string, IDataLoaderDispatch>? _loaders;
    private IDictionary<string, object?>? _responseExtensions;
    private IDictionary<string, object?>? _items;
    private readonly Lock _lock = new();
    private readonly LoaderSizes? _loaderSizes;
    // One wake-up delegate shared by the request's loaders.
    private Action? _wakeLoop;

    internal RequestContext(IServiceProvider? services, object? userContext, CancellationToken cancellationToken, LoaderSizes? loaderSizes = null)
    {
        _loaderSizes = loaderSizes;
        Services = services;
        UserContext = userContext;
        CancellationToken = cancellationToken;
    }

    /// <summary>Services for this request, if the host provided them.</summary>
    public IServiceProvider? Services { get; }

    /// <summary>What the host passed as <see cref="GraphQLRequest.UserContext"/>.</summary>
    public object? UserContext { get; }

    /// <summary>Signalled when the client goes away or the request times out.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Entries resolvers add to the response's <c>extensions</c> map (spec 7.1.3), e.g. tracing or cost.</summary>
    public IDictionary<string, object?> ResponseExtensions
    {
        get
        {
            lock (_lock)
            {
                return _responseExtensions ??= new System.Collections.Concurrent.ConcurrentDictionary<string, object?>(StringComparer.Ordinal);
            }
        }
    }

    internal IReadOnlyDictionary<string, object?>? ResponseExtensionsIfAny
    {
        get
        {
            lock (_lock)
            {
                return _responseExtensions is { Count: > 0 } e ? new Dictionary<string, object?>(e, StringComparer.Ordinal) : null;
            }
        }
    }

    /// <summary>Free-form per-request storage for resolvers.</summary>
    public IDictionary<string, object?> Items
    {
        get
        {
            lock (_lock)
            {
                return _items ??= new System.Collections.Concurrent.ConcurrentDictionary<string, object?>(StringComparer.Ordinal);
            }
        }
    }

    /// <summary>
    /// The request's loader named <paramref name="name"/>, created on first use with <paramref name="batch"/>.
    /// Keys requested by parallel resolvers are batched into one <paramref name="batch"/> call.
    /// </summary>
    public DataLoader<TKey, TValue> GetDataLoader<TKey, TValue>(string name, BatchLoadFunction<TKey, TValue> batch)
        where TKey : notnull =>
        GetDataLoader(name, batch, static (batch, _) => batch);

    /// <summary>
    /// The request's loader named <paramref name="name"/>, its batch function made on first use by
    /// <paramref name="create"/> from <paramref name="state"/> and this request: for a batch that itself
    /// loads through the request's other loaders, with no closure made per call.
    /// </summary>
    public DataLoader<TKey, TValue> GetDataLoader<TKey, TValue, TState>(string name, TState state, Func<TState, RequestContext, BatchLoadFunction<TKey, TValue>> create)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(create);
        lock (_lock)
        {
            _loaders ??= new Dictionary<string, IDataLoaderDispatch>(StringComparer.Ordinal);
            if (_loaders.TryGetValue(name, out var existing))
            {
                return existing as DataLoader<TKey, TValue>
                    ?? throw new InvalidOperationException($"DataLoader \"{name}\" was created with other key or value types.");
            }
            var loader = new DataLoader<TKey, TValue>(create(state, this), CancellationToken, _loaderSizes?.For(name) ?? 0)
            {
                OnPending = _wakeLoop ??= () => OnLoaderPending?.Invoke(),
            };
            _loaders[name] = loader;
            return loader;
        }
    }

    /// <summary>Tells the document's <see cref="LoaderSizes"/> how many keys each loader took, for its next run.</summary>
    internal void RememberLoaderSizes()
    {
        if (_loaderSizes is null)
        {
            return;
        }
        lock (_lock)
        {
            foreach (var (name, loader) in _loaders ?? [])
            {
                _loaderSizes.Remember(name, loader.KeyCount);
            }
        }
    }

    /// <summary>Set by the executor: wakes its loop when a loader gets its first pending key.</summary>
    internal Action? OnLoaderPending { get; set; }

    /// <summary>Starts every loader's pending batch; true when any batch was started.</summary>
    internal bool DispatchPendingLoaders()
    {
        IDataLoaderDispatch[] loaders;
        lock (_lock)
        {
            if (_loaders is null || _loaders.Count == 0)
            {
                return false;
            }
            loaders = [.. _loaders.Values];
        }
        var any = false;
        foreach (var loader in loaders)
        {
            any |= loader.DispatchPending();
        }
        return any;
    }
}
