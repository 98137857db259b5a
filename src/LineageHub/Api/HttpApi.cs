using System.Text.Json;
using LineageHub.Api.Contracts;
using LineageHub.Client;
using LineageHub.Core;
using Microsoft.AspNetCore.Http.Features;

namespace LineageHub.Api;

/// <summary>
/// The JSON HTTP API the CLI's <c>--server</c> mode uses: the transparency-log reads (head, entries,
/// proofs), verification, lineage traversal and change-set append. Errors are JSON with a code.
/// </summary>
public static class HttpApi
{
    /// <summary>The largest change set body accepted, checked before it is read.</summary>
    public const long MaxChangeSetBytes = 64L * 1024 * 1024;

    public static void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (LineageHubException ex) when (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusFor(ex.Code);
                await context.Response.WriteAsJsonAsync(new ErrorJson(CodeName(ex.Code), ex.Message), ApiJson.Options);
            }
            catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
            {
                context.Response.StatusCode = ex.StatusCode;
                await context.Response.WriteAsJsonAsync(new ErrorJson("invalid_input", ex.Message), ApiJson.Options);
            }
        });

        app.MapGet("/healthz", async (LocalLineageService service, CancellationToken ct) =>
            Results.Json(new { status = "ok", ledgerSize = (await service.HeadAsync(ct)).Size }, ApiJson.Options));
        app.MapGet("/api/ledger/head", async (LocalLineageService service, CancellationToken ct) =>
            Results.Json(await service.HeadAsync(ct), ApiJson.Options));
        app.MapGet("/api/ledger/proofs/inclusion", async (LocalLineageService service, long seq, long? treeSize, CancellationToken ct) =>
            Results.Json(await service.ProveInclusionAsync(seq, treeSize, ct), ApiJson.Options));
        app.MapGet("/api/ledger/proofs/consistency", async (LocalLineageService service, long from, long to, CancellationToken ct) =>
            Results.Json(await service.ProveConsistencyAsync(from, to, ct), ApiJson.Options));
        app.MapPost("/api/ledger/verify", async (LocalLineageService service, CancellationToken ct) =>
            Results.Json(await service.VerifyAsync(ct), ApiJson.Options));
        app.MapGet("/api/lineage", async (LocalLineageService service, string start, string? direction, int? depth, int? maxNodes, string? asOf, string? edgeKinds, double? timeoutSeconds, CancellationToken ct) =>
            Results.Json(await service.LineageAsync(new LineageQuery(start, direction ?? "upstream", depth, maxNodes, asOf, edgeKinds, timeoutSeconds), ct), ApiJson.Options));
        app.MapGet("/api/nodes", async (LocalLineageService service, string id, CancellationToken ct) =>
            Results.Json(await service.FindNodeAsync(id, ct) ?? throw LineageHubException.NotFound($"no node {id}"), ApiJson.Options));
        app.MapPost("/api/changesets", async (HttpContext context, LocalLineageService service, CancellationToken ct) =>
            Results.Json(await service.AppendAsync(await ReadBodyAsync(context, ct), ct), ApiJson.Options));
        app.MapPost("/api/runs", async (HttpContext context, LocalLineageService service, CancellationToken ct) =>
        {
            RunRegistrationJson? registration;
            try
            {
                registration = JsonSerializer.Deserialize<RunRegistrationJson>(await ReadBodyAsync(context, ct), ApiJson.Options);
            }
            catch (JsonException ex)
            {
                throw LineageHubException.InvalidInput($"not a run registration: {ex.Message}");
            }
            return Results.Json(await service.RegisterRunAsync(registration ?? throw LineageHubException.InvalidInput("the run registration is null"), ct), ApiJson.Options);
        });
    }

    // Bodies are read whole, so their size is checked first: declared lengths up front, actual ones by Kestrel.
    private static async Task<byte[]> ReadBodyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false })
        {
            limit.MaxRequestBodySize = MaxChangeSetBytes;
        }
        if (context.Request.ContentLength > MaxChangeSetBytes)
        {
            throw LineageHubException.InvalidInput($"the request body is {context.Request.ContentLength} bytes; the limit is {MaxChangeSetBytes}");
        }
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, cancellationToken);
        return body.ToArray();
    }

    public static string CodeName(ErrorCode code) => code switch
    {
        ErrorCode.NotFound => "not_found",
        ErrorCode.Conflict => "conflict",
        ErrorCode.InvalidInput => "invalid_input",
        ErrorCode.Corrupt => "corrupt",
        _ => "unavailable",
    };

    private static int StatusFor(ErrorCode code) => code switch
    {
        ErrorCode.NotFound => StatusCodes.Status404NotFound,
        ErrorCode.Conflict => StatusCodes.Status409Conflict,
        ErrorCode.InvalidInput => StatusCodes.Status400BadRequest,
        ErrorCode.Corrupt => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status503ServiceUnavailable,
    };
}
