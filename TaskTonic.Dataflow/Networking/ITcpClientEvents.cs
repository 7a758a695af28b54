namespace TaskTonic.Dataflow.Networking;

/// <summary>What a <see cref="TcpClientTonic"/> tells its owner: the connection events, and giving up on connecting.</summary>
public interface ITcpClientEvents : ITcpEvents
{
    /// <summary>Every connect attempt failed (<see cref="TcpClientOptions.MaxConnectAttempts"/>); the client is in state <c>failed</c>.</summary>
    /// <param name="client">The client that gave up.</param>
    /// <param name="failure">The last attempt's error.</param>
    void NotifyConnectFailed(TcpClientTonic client, Exception failure);
}
