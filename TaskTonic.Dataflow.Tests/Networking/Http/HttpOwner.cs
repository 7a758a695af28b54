using System.Collections.Concurrent;
using TaskTonic.Dataflow.Networking.Http;

namespace TaskTonic.Dataflow.Tests.Networking.Http;

/// <summary>Owns an HTTP endpoint and an HTTP client tonic; records every event (generated entry points implement both interfaces).</summary>
internal sealed partial class HttpOwner : Tonic, IHttpEndpointEvents, IHttpClientEvents
{
    private readonly HttpClient _http;
    private readonly HttpEndpointOptions? _endpointOptions;
    private readonly HttpClientTonicOptions? _clientOptions;

    public HttpOwner(HttpClient http, HttpEndpointOptions? endpointOptions = null, HttpClientTonicOptions? clientOptions = null)
    {
        _http = http;
        _endpointOptions = endpointOptions;
        _clientOptions = clientOptions;
    }

    public bool Answer { get; init; } = true;

    public ChangeSignal Signal { get; } = new();

    public TaskCompletionSource<(HttpEndpointTonic Endpoint, HttpClientTonic Client)> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<HttpEndpointRequest> Requests { get; } = new();

    public ConcurrentQueue<HttpClientResponse> Responses { get; } = new();

    public ConcurrentQueue<HttpClientFailure> Failures { get; } = new();

    private void ttse__on_start() =>
        Started.SetResult((new HttpEndpointTonic(Net.AnyLoopback, this, _endpointOptions), new HttpClientTonic(_http, this, _clientOptions)));

    private void ttse__on_request(HttpEndpointRequest request)
    {
        Requests.Enqueue(request);
        if (Answer)
        {
            request.Respond(200, $"{request.Method} {request.Target} {request.BodyText}");
        }

        Signal.Pulse();
    }

    private void ttse__on_response(HttpClientTonic client, HttpClientResponse response)
    {
        Responses.Enqueue(response);
        Signal.Pulse();
    }

    private void ttse__on_failure(HttpClientTonic client, HttpClientFailure failure)
    {
        Failures.Enqueue(failure);
        Signal.Pulse();
    }
}
