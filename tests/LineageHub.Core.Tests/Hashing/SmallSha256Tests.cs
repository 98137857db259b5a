using System.Security.Cryptography;
using LineageHub.Core.Hashing;

namespace LineageHub.Core.Tests.Hashing;

public sealed class SmallSha256Tests
{
    // Every length up to past the joined-copy path, split into three parts at several points: the one- and
    // two-block padding, the joined copy and the streaming path must all give the BCL's digest.
    [Fact]
    public void Hash_MatchesTheBcl_AtEveryLengthAndSplit()
    {
        var message = new byte[300];
        for (var i = 0; i < message.Length; i++)
        {
            message[i] = (byte)((i * 31) + 7);
        }
        var ours = new byte[32];
        for (var length = 0; length <= message.Length; length++)
        {
            var expected = SHA256.HashData(message.AsSpan(0, length));
            foreach (var (first, second) in new[] { (0, 0), (Math.Min(1, length), Math.Max(Math.Min(1, length), length / 2)), (length / 3, 2 * length / 3), (length, length) })
            {
                var a = message.AsSpan(0, first);
                var b = message.AsSpan(first, second - first);
                var c = message.AsSpan(second, length - second);
                SmallSha256.Hash(a, b, c, ours);
                Assert.True(expected.AsSpan().SequenceEqual(ours), $"length {length}, split {first}/{second}");
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(100)]
    public void Hmac_MatchesTheBcl(int keyLength)
    {
        var key = RandomNumberGenerator.GetBytes(keyLength);
        var hmac = SmallSha256.CreateHmac(key);
        var ours = new byte[32];
        foreach (var length in new[] { 0, 1, 13, 55, 56, 64, 200 })
        {
            var message = RandomNumberGenerator.GetBytes(length);
            hmac.Compute(message, ours);
            Assert.Equal(HMACSHA256.HashData(key, message), ours);
        }
    }
}
