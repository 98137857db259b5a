namespace LineageHub.Core.Domain;

/// <summary>Whether a source system is run by the organisation or supplied by a vendor.</summary>
public enum SourceSystemKind
{
    Internal,
    Vendor,
}
