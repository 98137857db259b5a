using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LineageHub.Benchmarks.GraphQL;

/// <summary>One keep-alive connection of <see cref="LoopbackLoad"/>: sends a request, then reads its response as it arrives.</summary>
internal sealed class LoadConnection(IPEndPoint server, Uri endpoint) : IDisposable
{
    private readonly ResponseFraming _response = new();
    private long _sentAt;

    public Uri Endpoint { get; } = endpoint;

    public Socket Socket { get; private set; } = Connect(server);

    public void Send(byte[] request)
    {
        _response.Reset();
        _sentAt = Stopwatch.GetTimestamp();
        Socket.Send(request);
    }

    /// <summary>Reads what has arrived; true, with the request's latency in milliseconds, once its response has been read to the end.</summary>
    public bool Receive(byte[] buffer, out double latencyMs)
    {
        latencyMs = 0;
        var read = Socket.Receive(buffer);
        if (read == 0)
        {
            throw new IOException($"{Endpoint} closed the connection mid-response");
        }
        var used = _response.Feed(buffer.AsSpan(0, read));
        if (!_response.Complete)
        {
            return false;
        }
        latencyMs = Stopwatch.GetElapsedTime(_sentAt).TotalMilliseconds;
        if (used != read)
        {
            // One request is in flight at a time, so nothing may follow its response.
            throw new InvalidDataException($"{Endpoint} sent {read - used} bytes after a complete response");
        }
        if (_response.Status != 200)
        {
            throw new InvalidOperationException($"{Endpoint} answered {_response.Status}");
        }
        if (_response.Closes)
        {
            Socket.Dispose();
            Socket = Connect(server);
        }
        return true;
    }

    public void Dispose() => Socket.Dispose();

    private static Socket Connect(IPEndPoint server)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(server);
        return socket;
    }
}
