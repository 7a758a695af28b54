namespace TaskTonic.Dataflow.Networking.Http;

/// <summary>
/// One connection's HTTP state: its parser, and the responses in request order. Requests on a keep-alive connection
/// may be answered out of order from any catalyst; each response waits until every earlier one was sent, because
/// HTTP/1.1 matches responses to requests by their order on the connection.
/// </summary>
internal sealed class HttpConnectionState(TcpConnection connection, HttpRequestParser parser)
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, (byte[] Wire, bool Close)> _ready = [];
    private long _nextSequence;
    private long _nextToSend;
    private bool _closed;

    public TcpConnection Connection { get; } = connection;

    public HttpRequestParser Parser { get; } = parser;

    /// <summary>True once the last response of the connection is known (a rejection, or a request without keep-alive): later bytes are ignored.</summary>
    public bool Done { get; set; }

    /// <summary>The sequence number of the next request (called on the connection's sparkles only).</summary>
    public long NextSequence() => _nextSequence++;

    /// <summary>Queues the response of request <paramref name="sequence"/> and sends every response now in order.</summary>
    /// <returns>False when the connection closed before this response could be sent.</returns>
    public bool Complete(long sequence, byte[] wire, bool close)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }

            _ready.Add(sequence, (wire, close));
            while (!_closed && _ready.Remove(_nextToSend, out var next))
            {
                _nextToSend++;
                if (!Connection.SendWire(next.Wire))
                {
                    _closed = true;
                    return false;
                }

                if (next.Close)
                {
                    _closed = true;
                    Connection.Close();
                }
            }

            return true;
        }
    }
}
