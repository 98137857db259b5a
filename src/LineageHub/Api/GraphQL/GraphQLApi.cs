using LineageHub.Core;
using LineageHub.Core.Storage;
using LineageHub.Integrity;
using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Http;
using LineageHub.GraphQL.Language.Ast;
using LineageHub.Security;

namespace LineageHub.Api.GraphQL;

/// <summary>Serves <see cref="LineageSchema"/> at <c>/graphql</c> with limits on by default and mutations for writers only.</summary>
public static class GraphQLApi
{
    public const string Path = "/graphql";

    private const string VerifyNowField = "verifyNow";

    /// <summary>Deepest field nesting a query may select: two hops of lineage through connections (a model's run's inputs' producing run's inputs' sources) fit.</summary>
    public const int MaxDepth = 15;

    /// <summary>Highest cost a query may have (fields, times the page sizes of the connections around them): a page of 100 runs with 10 inputs each costs about 4,000.</summary>
    public const int MaxCost = 50_000;

    /// <summary>Time one request may run.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static GraphQLExecutor CreateExecutor(ILineageStore store, AccessControl access, IVerificationQueue? verification = null) =>
        new(LineageSchema.Create(store, verification), new ExecutorOptions
        {
            MaxDepth = MaxDepth,
            MaxCost = MaxCost,
            DefaultListSize = ApiMessages.DefaultPageSize,
            Authorize = ctx => Authorize(ctx, access),
            // Expected failures (not found, conflict, bad input) reach the client with their code.
            TranslateException = ex => ex is LineageHubException known ? ApiErrors.ToGraphQL(known) : null,
        });

    public static void Map(WebApplication app, GraphQLExecutor executor) =>
        app.MapGraphQL(Path, executor, new GraphQLHttpOptions
        {
            Timeout = Timeout,
            UserContext = http => new RequestPrincipal(AccessControl.PrincipalOf(http), http),
        });

    private static ValueTask<IReadOnlyList<GraphQLError>?> Authorize(AuthorizationContext context, AccessControl access)
    {
        if (context.Operation.Operation != OperationType.Mutation || context.Request.UserContext is not RequestPrincipal request)
        {
            return ValueTask.FromResult<IReadOnlyList<GraphQLError>?>(null);
        }
        // verifyNow writes only what a check finds, so it is the auditor's (and admin's), not the writer's;
        // every other mutation needs a writer. A fragment at the root counts as any mutation.
        var selections = context.Operation.SelectionSet.Selections;
        var verifies = selections.Any(s => s is FieldNode { Name: VerifyNowField });
        var writes = selections.Any(s => s is not FieldNode { Name: VerifyNowField or "__typename" });
        string? refused = verifies && !request.Principal.CanAudit ? VerifyNowField : writes && !request.Principal.CanWrite ? "mutations" : null;
        if (refused is null)
        {
            return ValueTask.FromResult<IReadOnlyList<GraphQLError>?>(null);
        }
        var message = ApiMessages.Forbidden(ApiPrincipal.RoleName(request.Principal.Role), refused);
        access.LogRefusal(request.Http, message, request.Principal);
        return ValueTask.FromResult<IReadOnlyList<GraphQLError>?>([ApiErrors.Forbidden(message)]);
    }
}
