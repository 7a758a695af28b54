namespace TaskTonic.Dataflow.Networking.Http;

/// <summary>
/// What an <see cref="HttpEndpointTonic"/> tells its owner. Implement it on a tonic with a <c>ttse__on_request</c>
/// handler: the generated entry point <c>NotifyRequest</c> satisfies the interface, so every request arrives as a sparkle
/// of the owner. Answer with <see cref="HttpEndpointRequest.Respond(int, string, string)"/> from any catalyst.
/// </summary>
public interface IHttpEndpointEvents
{
    /// <summary>A complete request (head and body) arrived.</summary>
    /// <param name="request">The request; respond to it exactly once.</param>
    void NotifyRequest(HttpEndpointRequest request);
}
