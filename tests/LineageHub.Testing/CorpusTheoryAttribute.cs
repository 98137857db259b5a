namespace LineageHub.Testing;

/// <summary>A theory over corpus files; reported as skipped, with the missing folder named, when the corpus is absent.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute(string folder)
    {
        Skip = Corpus.MissingReason(folder);
    }
}
