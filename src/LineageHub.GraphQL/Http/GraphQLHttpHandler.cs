using LineageHub.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace LineageHub.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP (the GraphQL-over-HTTP specification): request parsing, media type negotiation,
/// status codes, size limit and timeout around one <see cref="GraphQLExecutor"/>.
/// </summary>
internal sealed partial class GraphQLHttpHandler(GraphQLExecutor executor, GraphQLHttpOptions options)
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";
    public const string JsonMediaType = "application/json";

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await HandleCoreAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await WriteRequestErrorAsync(context, ex.StatusCode, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? HttpMessages.TooLarge(options.MaxRequestBytes) : ex.Message, JsonMediaType);
        }
    }

    private async Task HandleCoreAsync(HttpContext context)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = options.AllowGet ? "GET, POST" : "POST";
            await WriteRequestErrorAsync(context, StatusCodes.Status405MethodNotAllowed, HttpMessages.MethodNotAllowed, JsonMediaType);
            return;
        }
        if (isGet && options.EnableGraphiQL && !request.Query.ContainsKey("query") && WantsHtml(request))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(GraphiQLPage.Render(options.GraphiQLAssetsBaseUrl, request.PathBase + request.Path), context.RequestAborted);
            return;
        }
        var mediaType = NegotiateMediaType(request);
        if (mediaType is null)
        {
            await WriteRequestErrorAsync(context, StatusCodes.Status406NotAcceptable, HttpMessages.NotAcceptable, JsonMediaType);
            return;
        }
        if (isGet && !options.AllowGet)
        {
            context.Response.Headers.Allow = "POST";
            await WriteRequestErrorAsync(context, StatusCodes.Status405MethodNotAllowed, HttpMessages.GetNotAllowed, mediaType);
            return;
        }
        var (graphQLRequest, status, error) = isGet ? ReadGet(context) : await ReadPostAsync(context);
        if (graphQLRequest is null)
        {
            await WriteRequestErrorAsync(context, status, error!, mediaType);
            return;
        }
        graphQLRequest = graphQLRequest with
        {
            QueriesOnly = isGet,
            Services = context.RequestServices,
            UserContext = options.UserContext?.Invoke(context),
        };
        var result = await ExecuteWithTimeoutAsync(graphQLRequest, context.RequestAborted);
        if (result.RequestError == RequestErrorKind.MutationNotAllowed)
        {
            // GraphQL over HTTP: a mutation over GET is refused with 405 and an Allow header.
            context.Response.Headers.Allow = "POST";
            await WriteResultAsync(context, result, StatusCodes.Status405MethodNotAllowed, mediaType);
            return;
        }
        await WriteResultAsync(context, result, StatusFor(result, mediaType), mediaType);
    }

    private async Task<ExecutionResult> ExecuteWithTimeoutAsync(GraphQLRequest request, CancellationToken aborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timeout.CancelAfter(options.Timeout);
        // The executor's loop wakes on cancellation, so even a resolver that ignores its token cannot hold
        // the response past the deadline.
        var result = await executor.ExecuteAsync(request, timeout.Token);
        return result.RequestError == RequestErrorKind.Timeout && !aborted.IsCancellationRequested
            ? result with { Errors = [new GraphQLError(HttpMessages.TimedOut(options.Timeout))] }
            : result;
    }

    // GraphQL over HTTP 6.4: with application/json every well-formed request gets 200; with
    // application/graphql-response+json a request error (no data) gets 4xx.
    private static int StatusFor(ExecutionResult result, string mediaType)
    {
        if (result.RequestError == RequestErrorKind.Timeout)
        {
            return StatusCodes.Status504GatewayTimeout;
        }
        if (mediaType == JsonMediaType || result.HasData)
        {
            return StatusCodes.Status200OK;
        }
        return result.RequestError == RequestErrorKind.Unauthorized ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
    }
}
