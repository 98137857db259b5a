namespace LineageHub.Connectors.Git;

/// <summary>
/// An author or committer: name and e-mail as stored, and the time with the UTC offset the person's
/// clock had (<see cref="DateTimeOffset.Offset"/>). An offset git cannot express as a real one (beyond
/// ±14 h) is kept in <see cref="RawOffset"/> and the time is given in UTC.
/// </summary>
public sealed record GitPerson(GitText Name, GitText Email, DateTimeOffset When, string RawOffset);
