namespace LineageHub.Connectors.Git.Tests.Parsing;

public sealed class GitTextTests
{
    [Fact]
    public void FromBytes_ValidUtf8_IsExact()
    {
        var text = GitText.FromBytes("caf\u00e9/\u2713.txt"u8);

        Assert.True(text.IsExact);
        Assert.Equal("caf\u00e9/\u2713.txt", text.Text);
    }

    [Fact]
    public void FromBytes_InvalidUtf8_EscapesBadBytesAndBackslashes()
    {
        byte[] bytes = [(byte)'a', 0xc3, (byte)'\\', 0xff, (byte)'b'];

        var text = GitText.FromBytes(bytes);

        Assert.False(text.IsExact);
        Assert.Equal(@"a\xc3\\\xffb", text.Text);
        Assert.Equal(bytes, text.Bytes.ToArray());
    }

    [Fact]
    public void Equality_IsByByteContent()
    {
        Assert.Equal(GitText.FromString("x/y"), GitText.FromBytes("x/y"u8));
        Assert.NotEqual(GitText.FromBytes([0xff]), GitText.FromBytes([0xfe]));
        Assert.Equal(GitText.FromString("x").GetHashCode(), GitText.FromBytes("x"u8).GetHashCode());
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef01234567", true)]
    [InlineData("0123456789ABCDEF0123456789abcdef01234567", true)]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [InlineData("0123456", false)]
    [InlineData("g123456789abcdef0123456789abcdef01234567", false)]
    [InlineData(null, false)]
    public void GitObjectId_AcceptsOnlyFullHexNames(string? text, bool valid)
    {
        Assert.Equal(valid, GitObjectId.TryParse(text, out var id));
        if (valid)
        {
            Assert.Equal(text!.ToLowerInvariant(), id.Value);
        }
    }
}
