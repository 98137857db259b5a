namespace LineageHub.GraphQL.Execution;

/// <summary>
/// A non-null position produced null; its error is already recorded. Travels up to the nearest nullable
/// field or list item, which becomes null (spec 6.4.4 Handling Field Errors).
/// </summary>
internal sealed class NullPropagationException : Exception
{
    public NullPropagationException() : base("null propagated from a non-null position")
    {
    }
}
