using LineageHub.Core.Domain;

namespace LineageHub.Core.Consent;

/// <summary>A source dataset version the model's lineage reaches: its source system, subject set and any declaration covering it for the purpose.</summary>
public sealed record SourceInput(NodeKey DatasetVersion, string? Source, SubjectSetRef? Subjects, BasisDeclaration? Declaration, NodeKey? DeclarationKey);
