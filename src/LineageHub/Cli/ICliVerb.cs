using System.CommandLine;

namespace LineageHub.Cli;

/// <summary>
/// A top-level verb of the <c>lineagehub</c> command. Verbs are found by reflection, so adding a verb is
/// adding a file; <see cref="Order"/> fixes where it appears in help.
/// </summary>
public interface ICliVerb
{
    /// <summary>Help lists verbs by this number, lowest first.</summary>
    int Order { get; }

    Command Build();
}
