using System.Text.Json;
using LineageHub.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace LineageHub.GraphQL.Http;

internal sealed partial class GraphQLHttpHandler
{
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    private static Task WriteRequestErrorAsync(HttpContext context, int status, string message, string mediaType) =>
        WriteResultAsync(context, new ExecutionResult { Errors = [new GraphQLError(message)] }, status, mediaType);

    // The result is written straight into the response pipe (pooled buffers, no intermediate copy): the
    // status is known before serialization starts, and serializing our own result tree cannot fail. The
    // headers go first: the server holds body bytes written before them aside and copies them again.
    private static async Task WriteResultAsync(HttpContext context, ExecutionResult result, int status, string mediaType)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = mediaType + "; charset=utf-8";
        await response.StartAsync(context.RequestAborted);
        await using (var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions))
        {
            ResultJsonWriter.Write(writer, result);
        }
        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }
}
