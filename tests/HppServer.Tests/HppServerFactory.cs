using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace HppServer.Tests;

/// <summary>
/// The server in memory, and clients that fail the test on any 500: whatever a test sends, the
/// stand-in must answer with the operation's own codes or a problem, never an internal error.
/// </summary>
public sealed class HppServerFactory : WebApplicationFactory<Program>
{
    public HttpClient Client() => CreateDefaultClient(new No500Handler());

    private sealed class No500Handler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            Assert.True(response.StatusCode != HttpStatusCode.InternalServerError,
                $"{request.Method} {request.RequestUri?.AbsolutePath} answered 500: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            return response;
        }
    }
}
