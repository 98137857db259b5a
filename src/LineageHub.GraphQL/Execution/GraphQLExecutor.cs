using System.Collections.Concurrent;
using LineageHub.GraphQL.Language;
using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;
using LineageHub.GraphQL.Validation;

namespace LineageHub.GraphQL.Execution;

/// <summary>
/// Runs requests against one schema: parse (cached), validate (cached), select the operation, authorize,
/// coerce variables, execute (spec 6). Thread-safe; create one per schema and share it.
/// </summary>
public sealed class GraphQLExecutor
{
    private readonly ConcurrentDictionary<string, PreparedDocument> _cache = new(StringComparer.Ordinal);

    public GraphQLExecutor(Schema schema, ExecutorOptions? options = null)
    {
        Schema = schema ?? throw new ArgumentNullException(nameof(schema));
        Options = options ?? ExecutorOptions.Default;
    }

    /// <summary>The schema requests run against.</summary>
    public Schema Schema { get; }

    /// <summary>Limits and hooks.</summary>
    public ExecutorOptions Options { get; }

    /// <summary>Executes one request; GraphQL errors come back in the result, never as exceptions.</summary>
    public async Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prepared = Prepare(request.Query);
        if (prepared.Errors.Count > 0)
        {
            return ExecutionResult.Fail(prepared.ErrorKind, prepared.Errors);
        }
        var document = prepared.Document!;
        var operation = SelectOperation(document, request.OperationName, out var selectionError);
        if (operation is null)
        {
            return ExecutionResult.Fail(RequestErrorKind.OperationSelection, [new GraphQLError(selectionError!)]);
        }
        if (request.QueriesOnly && operation.Operation != OperationType.Query)
        {
            return ExecutionResult.Fail(RequestErrorKind.MutationNotAllowed,
                [new GraphQLError(ExecutionMessages.OnlyQueriesAllowed(operation.Operation))]);
        }
        var limitErrors = prepared.LimitErrors.GetOrAdd(operation, op => OperationLimits.Check(Schema, document, op, Options));
        if (limitErrors.Count > 0)
        {
            return ExecutionResult.Fail(RequestErrorKind.Validation, limitErrors);
        }
        if (Options.Authorize is { } authorize)
        {
            var refused = await authorize(new AuthorizationContext(Schema, request, document, operation, cancellationToken)).ConfigureAwait(false);
            if (refused is { Count: > 0 })
            {
                return ExecutionResult.Fail(RequestErrorKind.Unauthorized, refused);
            }
        }
        var variableErrors = new List<GraphQLError>();
        var variables = ValueCoercion.CoerceVariableValues(Schema, operation, request.Variables, variableErrors);
        if (variableErrors.Count > 0)
        {
            return ExecutionResult.Fail(RequestErrorKind.Variables, variableErrors);
        }
        var root = operation.Operation switch
        {
            OperationType.Query => Schema.QueryType,
            OperationType.Mutation => Schema.MutationType,
            _ => null,
        };
        if (root is null)
        {
            return ExecutionResult.Fail(RequestErrorKind.OperationSelection, [new GraphQLError(operation.Operation == OperationType.Subscription
                ? ExecutionMessages.SubscriptionsNotSupported
                : ExecutionMessages.NoRootType(operation.Operation))]);
        }
        var requestContext = new RequestContext(request.Services, request.UserContext, cancellationToken, prepared.LoaderSizes);
        var context = new ExecutionContext(Schema, document, variables, requestContext, Options.TranslateException);
        var pump = new ExecutionPump();
        requestContext.OnLoaderPending = pump.Wake;
        try
        {
            var data = await pump.RunAsync(() => context.ExecuteOperationAsync(root, operation, request.RootValue).AsTask(), requestContext).ConfigureAwait(false);
            requestContext.RememberLoaderSizes();
            return new ExecutionResult
            {
                Data = data,
                HasData = true,
                Errors = context.Errors,
                Extensions = requestContext.ResponseExtensionsIfAny,
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExecutionResult.Fail(RequestErrorKind.Timeout, [new GraphQLError(ExecutionMessages.Cancelled)]);
        }
    }

    /// <summary>Parses and validates a document, from the cache when seen before.</summary>
    internal PreparedDocument Prepare(string query)
    {
        if (_cache.TryGetValue(query, out var cached))
        {
            return cached;
        }
        PreparedDocument prepared;
        try
        {
            var document = Parser.Parse(query, Options.Parser);
            var errors = DocumentValidator.Validate(Schema, document);
            prepared = new PreparedDocument(document, errors, RequestErrorKind.Validation);
        }
        catch (GraphQLSyntaxException ex)
        {
            prepared = new PreparedDocument(null, [new GraphQLError("Syntax Error: " + ex.Description) { Locations = [new ErrorLocation(ex.Line, ex.Column)] }], RequestErrorKind.Syntax);
        }
        // A bounded cache: when full, start over rather than track recency on every hit.
        if (_cache.Count >= Options.DocumentCacheSize)
        {
            _cache.Clear();
        }
        _cache[query] = prepared;
        return prepared;
    }

    // Spec 6.1 GetOperation.
    private static OperationDefinitionNode? SelectOperation(DocumentNode document, string? operationName, out string? error)
    {
        error = null;
        OperationDefinitionNode? found = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not OperationDefinitionNode op)
            {
                continue;
            }
            if (string.IsNullOrEmpty(operationName))
            {
                if (found is not null)
                {
                    error = ExecutionMessages.OperationNameRequired;
                    return null;
                }
                found = op;
            }
            else if (op.Name == operationName)
            {
                return op;
            }
        }
        if (found is null)
        {
            error = string.IsNullOrEmpty(operationName) ? ExecutionMessages.NoOperation : ExecutionMessages.UnknownOperation(operationName);
        }
        return found;
    }
}
