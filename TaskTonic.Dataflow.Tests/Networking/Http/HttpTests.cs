using System.Text;
using Microsoft.Extensions.Time.Testing;
using TaskTonic.Dataflow.Networking.Http;

namespace TaskTonic.Dataflow.Tests.Networking.Http;

public sealed class HttpTests
{
    private static async Task<(Formula Formula, Task Run, HttpOwner Owner, HttpEndpointTonic Endpoint, HttpClientTonic Client)> StartAsync(
        HttpClient http, HttpEndpointOptions? endpoint = null, HttpClientTonicOptions? client = null, bool answer = true, TimeProvider? time = null)
    {
        var formula = new Formula(new FormulaOptions { TimeProvider = time ?? TimeProvider.System });
        HttpOwner? owner = null;
        formula.AddStartingTonic(() => owner = new HttpOwner(http, endpoint, client) { Answer = answer });
        var run = formula.RunAsync();
        var (e, c) = await owner!.Started.Task.WaitAsync(Net.Guard);
        return (formula, run, owner, e, c);
    }

    private static async Task StopAsync(Formula formula, Task run)
    {
        formula.Ledger.Shutdown();
        await run.WaitAsync(Net.Guard);
    }

    private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

    [Fact]
    public async Task N04_Get_and_post_round_trip_from_the_client_tonic_to_the_endpoint_as_sparkles()
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var (formula, run, owner, endpoint, client) = await StartAsync(http);
        var root = $"http://127.0.0.1:{endpoint.LocalEndPoint.Port}";
        Assert.True(client.TrySend(new HttpRequestMessage(HttpMethod.Get, root + "/test_webhook"), out var getId));
        await owner.Signal.Until(() => owner.Responses.Count == 1, "the GET response");
        Assert.True(client.TrySend(new HttpRequestMessage(HttpMethod.Post, root + "/echo") { Content = new StringContent("hello") }, out var postId));
        await owner.Signal.Until(() => owner.Responses.Count == 2, "the POST response");

        var responses = owner.Responses.ToDictionary(r => r.RequestId);
        Assert.Equal(System.Net.HttpStatusCode.OK, responses[getId].StatusCode);
        Assert.Equal("GET /test_webhook ", responses[getId].BodyText);
        Assert.Equal("POST /echo hello", responses[postId].BodyText);
        Assert.Equal("/test_webhook", owner.Requests.First().Path);
        Assert.Equal(2, endpoint.RequestsReceived);
        Assert.Equal(2, endpoint.ResponsesSent);
        Assert.Equal(0, client.InFlight);
        Assert.Empty(owner.Failures);
        await StopAsync(formula, run);
    }

    [Fact]
    public async Task Keep_alive_connection_serves_several_pipelined_requests_in_order()
    {
        using var http = new HttpClient();
        var (formula, run, owner, endpoint, _) = await StartAsync(http);
        await using (var peer = await RawPeer.ConnectAsync(endpoint.LocalEndPoint))
        {
            await peer.SendAsync(Ascii(
                "GET /a HTTP/1.1\r\nHost: x\r\n\r\n" +
                "POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc" +
                "GET /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
            var text = Encoding.ASCII.GetString(await peer.ReadToEndAsync());
            Assert.Equal(3, text.Split("HTTP/1.1 200 OK").Length - 1);
            var a = text.IndexOf("GET /a ", StringComparison.Ordinal);
            var b = text.IndexOf("POST /b abc", StringComparison.Ordinal);
            var c = text.IndexOf("GET /c ", StringComparison.Ordinal);
            Assert.True(a >= 0 && a < b && b < c, text);
        }

        Assert.Equal(3, endpoint.RequestsReceived);
        Assert.Equal(1, owner.Requests.Select(r => r.RemoteEndPoint).Distinct().Count());
        await StopAsync(formula, run);
    }

    [Fact]
    public async Task Malformed_request_is_answered_400_counted_and_closed_and_the_endpoint_keeps_serving()
    {
        using var http = new HttpClient();
        var (formula, run, owner, endpoint, _) = await StartAsync(http);
        await using (var bad = await RawPeer.ConnectAsync(endpoint.LocalEndPoint))
        {
            await bad.SendAsync(Ascii("GARBAGE\r\n\r\n"));
            Assert.StartsWith("HTTP/1.1 400 Bad Request", Encoding.ASCII.GetString(await bad.ReadToEndAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(1, endpoint.MalformedRequests);
        Assert.Empty(owner.Requests);
        await using (var good = await RawPeer.ConnectAsync(endpoint.LocalEndPoint))
        {
            await good.SendAsync(Ascii("GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
            Assert.StartsWith("HTTP/1.1 200 OK", Encoding.ASCII.GetString(await good.ReadToEndAsync()), StringComparison.Ordinal);
        }

        await StopAsync(formula, run);
    }

    [Fact]
    public async Task Oversize_body_is_answered_413_counted_and_the_connection_closed_before_the_body_is_read()
    {
        using var http = new HttpClient();
        var (formula, run, owner, endpoint, _) = await StartAsync(http, endpoint: new HttpEndpointOptions { MaxBodyBytes = 10 });
        await using (var peer = await RawPeer.ConnectAsync(endpoint.LocalEndPoint))
        {
            await peer.SendAsync(Ascii("POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n"));
            Assert.StartsWith("HTTP/1.1 413", Encoding.ASCII.GetString(await peer.ReadToEndAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(1, endpoint.OversizeRequests);
        Assert.Equal(0, endpoint.MalformedRequests);
        Assert.Empty(owner.Requests);
        await StopAsync(formula, run);
    }

    [Fact]
    public async Task Client_request_times_out_on_the_ledger_clock_and_the_in_flight_bound_refuses_and_counts()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var options = new HttpClientTonicOptions { MaxInFlight = 1, Timeout = TimeSpan.FromSeconds(5) };
        var (formula, run, owner, endpoint, client) = await StartAsync(http, client: options, answer: false, time: time);
        Assert.True(client.TrySend(new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{endpoint.LocalEndPoint.Port}/slow"), out var id));
        Assert.False(client.TrySend(new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{endpoint.LocalEndPoint.Port}/more"), out _));
        Assert.Equal(1, client.RejectedCount);
        await owner.Signal.Until(() => !owner.Requests.IsEmpty, "the request at the endpoint");
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Empty(owner.Failures);
        time.Advance(TimeSpan.FromSeconds(2));
        await owner.Signal.Until(() => !owner.Failures.IsEmpty, "the time-out");
        var failure = Assert.Single(owner.Failures);
        Assert.Equal(id, failure.RequestId);
        Assert.Equal(HttpClientFailureKind.TimedOut, failure.Kind);
        Assert.Equal(1, client.TimedOutCount);
        Assert.Empty(owner.Responses);
        await StopAsync(formula, run);
    }
}
