using System.Buffers;
using System.Text.Json;
using LineageHub.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace LineageHub.GraphQL.Http;

internal sealed partial class GraphQLHttpHandler
{
    private (GraphQLRequest? Request, int Status, string? Error) ReadGet(HttpContext context)
    {
        var query = context.Request.Query;
        if (context.Request.QueryString.Value?.Length > options.MaxRequestBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, HttpMessages.TooLarge(options.MaxRequestBytes));
        }
        if (!query.TryGetValue("query", out var text) || text.Count != 1 || string.IsNullOrEmpty(text[0]))
        {
            return (null, StatusCodes.Status400BadRequest, HttpMessages.MissingQuery);
        }
        IReadOnlyDictionary<string, object?>? variables = null;
        IReadOnlyDictionary<string, object?>? extensions = null;
        try
        {
            if (query.TryGetValue("variables", out var v) && !string.IsNullOrEmpty(v[0]))
            {
                using var doc = JsonDocument.Parse(v[0]!);
                if (doc.RootElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                {
                    return (null, StatusCodes.Status400BadRequest, HttpMessages.VariablesNotMap);
                }
                variables = JsonInput.ToMap(doc.RootElement);
            }
            if (query.TryGetValue("extensions", out var e) && !string.IsNullOrEmpty(e[0]))
            {
                using var doc = JsonDocument.Parse(e[0]!);
                if (doc.RootElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                {
                    return (null, StatusCodes.Status400BadRequest, HttpMessages.ExtensionsNotMap);
                }
                extensions = JsonInput.ToMap(doc.RootElement);
            }
        }
        catch (JsonException ex)
        {
            return (null, StatusCodes.Status400BadRequest, HttpMessages.InvalidVariablesJson(ex.Message));
        }
        var operationName = query.TryGetValue("operationName", out var op) && !string.IsNullOrEmpty(op[0]) ? op[0] : null;
        return (new GraphQLRequest { Query = text[0]!, OperationName = operationName, Variables = variables, Extensions = extensions }, 200, null);
    }

    private async Task<(GraphQLRequest? Request, int Status, string? Error)> ReadPostAsync(HttpContext context)
    {
        var request = context.Request;
        if (!IsJsonContentType(request.ContentType))
        {
            return (null, StatusCodes.Status415UnsupportedMediaType, HttpMessages.UnsupportedMediaType);
        }
        if (request.ContentLength > options.MaxRequestBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, HttpMessages.TooLarge(options.MaxRequestBytes));
        }
        var body = await ReadBodyAsync(request, context.RequestAborted);
        if (body is null)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, HttpMessages.TooLarge(options.MaxRequestBytes));
        }
        // The document reads the pooled buffer in place; the buffer goes back once the request is read.
        try
        {
            return ReadPostBody(body.Value);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body.Value.Buffer);
        }
    }

    private (GraphQLRequest? Request, int Status, string? Error) ReadPostBody((byte[] Buffer, int Length) body)
    {
        JsonDocument document;
        try
        {
            // JSON bodies are UTF-8 (GraphQL over HTTP 5.1); a charset parameter naming anything else is not supported.
            document = JsonDocument.Parse(body.Buffer.AsMemory(0, body.Length), new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            return (null, StatusCodes.Status400BadRequest, HttpMessages.InvalidJson(ex.Message));
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, StatusCodes.Status400BadRequest, HttpMessages.BodyNotObject);
            }
            if (!root.TryGetProperty("query", out var query) || query.ValueKind == JsonValueKind.Null)
            {
                return (null, StatusCodes.Status400BadRequest, HttpMessages.MissingQuery);
            }
            if (query.ValueKind != JsonValueKind.String)
            {
                return (null, StatusCodes.Status400BadRequest, HttpMessages.QueryNotString);
            }
            string? operationName = null;
            if (root.TryGetProperty("operationName", out var op) && op.ValueKind != JsonValueKind.Null)
            {
                if (op.ValueKind != JsonValueKind.String)
                {
                    return (null, StatusCodes.Status400BadRequest, HttpMessages.OperationNameNotString);
                }
                operationName = op.GetString();
            }
            IReadOnlyDictionary<string, object?>? variables = null;
            if (root.TryGetProperty("variables", out var v) && v.ValueKind != JsonValueKind.Null)
            {
                if (v.ValueKind != JsonValueKind.Object)
                {
                    return (null, StatusCodes.Status400BadRequest, HttpMessages.VariablesNotMap);
                }
                variables = JsonInput.ToMap(v);
            }
            IReadOnlyDictionary<string, object?>? extensions = null;
            if (root.TryGetProperty("extensions", out var e) && e.ValueKind != JsonValueKind.Null)
            {
                if (e.ValueKind != JsonValueKind.Object)
                {
                    return (null, StatusCodes.Status400BadRequest, HttpMessages.ExtensionsNotMap);
                }
                extensions = JsonInput.ToMap(e);
            }
            return (new GraphQLRequest { Query = query.GetString()!, OperationName = operationName, Variables = variables, Extensions = extensions }, 200, null);
        }
    }

    private static bool IsJsonContentType(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var type = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        return type.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase) || type.Equals(GraphQLResponseMediaType, StringComparison.OrdinalIgnoreCase);
    }

    // Reads at most MaxRequestBytes into a buffer rented from the shared pool (the caller returns it); null
    // when the body is longer (chunked bodies have no Content-Length). A fresh 16 KB chunk and a growing
    // MemoryStream per request were most of what a small request allocated.
    private async Task<(byte[] Buffer, int Length)?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(request.ContentLength ?? 4096, 256, Math.Min(options.MaxRequestBytes + 1L, 1 << 20)));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    return (buffer, length);
                }
                length += read;
                if (length > options.MaxRequestBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return null;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
