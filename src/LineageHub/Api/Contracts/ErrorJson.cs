namespace LineageHub.Api.Contracts;

/// <summary>An error as the HTTP API returns it: a code from <see cref="Core.ErrorCode"/> in snake_case and a message for people.</summary>
public sealed record ErrorJson(string Code, string Message);
