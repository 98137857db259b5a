using System.Buffers;
using System.Text.Json;
using LineageHub.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace LineageHub.GraphQL.Http;

internal sealed partial class GraphQLHttpHandler
{
    private static Task WriteRequestErrorAsync(HttpContext context, int status, string message, string mediaType) =>
        WriteResultAsync(context, new ExecutionResult { Errors = [new GraphQLError(message)] }, status, mediaType);

    // The body is serialized before the status is set, so a serialization problem can still become a 500.
    private static async Task WriteResultAsync(HttpContext context, ExecutionResult result, int status, string mediaType)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            ResultJsonWriter.Write(writer, result);
        }
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = mediaType + "; charset=utf-8";
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }
}
