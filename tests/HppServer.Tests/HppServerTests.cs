using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace HppServer.Tests;

/// <summary>The HPP stand-in end to end: each route with valid, invalid, malformed, empty and huge bodies.</summary>
public class HppServerTests : IClassFixture<HppServerFactory>
{
    private const string Sessions = "/hpp/v1/sessions";
    private readonly HttpClient _client;

    public HppServerTests(HppServerFactory factory) => _client = factory.Client();

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static ByteArrayContent Json(string body) => Json(Encoding.UTF8.GetBytes(body));

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonElement problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.Equal(type, problem.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        return problem;
    }

    private async Task<string> CreateSession()
    {
        HttpResponseMessage created = await _client.PostAsync(Sessions, Json(Bodies.ValidCreation));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using JsonDocument doc = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("session_id").GetString()!;
    }

    [Fact]
    public async Task Create_answers_201_with_a_valid_SessionCreationResponseV1()
    {
        HttpResponseMessage response = await _client.PostAsync(Sessions, Json(Bodies.ValidCreation));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        byte[] body = await response.Content.ReadAsByteArrayAsync();

        // What a merchant's client would do: the generated validator and parser accept it.
        using (JsonDocument doc = JsonDocument.Parse(body)) Assert.True(Klarna.Hpp.SessionCreationResponseV1.Validate(doc.RootElement).IsValid);
        Klarna.Hpp.SessionCreationResponseV1 created = Klarna.Hpp.SessionCreationResponseV1.Parse(body);
        Assert.True(Guid.TryParse(created.SessionId, out _));
        Assert.Equal("http://localhost" + Sessions + "/" + created.SessionId, created.SessionUrl);
        Assert.Equal(created.SessionUrl + "/distribution", created.DistributionUrl);
        Assert.Equal(created.SessionUrl, response.Headers.Location?.ToString());
        Assert.NotNull(created.RedirectUrl);
        Assert.NotNull(created.DistributionModule?.Token);
        Assert.InRange(created.ExpiresAt!.Value, DateTimeOffset.UtcNow.AddHours(47), DateTimeOffset.UtcNow.AddHours(49));
    }

    [Fact]
    public async Task Full_flow_create_get_distribute()
    {
        string id = await CreateSession();

        HttpResponseMessage got = await _client.GetAsync(Sessions + "/" + id);
        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
        Klarna.Hpp.SessionResponseV1 session = Klarna.Hpp.SessionResponseV1.Parse(await got.Content.ReadAsByteArrayAsync());
        Assert.Equal(id, session.SessionId);
        Assert.Equal(Klarna.Hpp.SessionResponseV1Status.Waiting, session.Status);

        HttpResponseMessage distributed = await _client.PostAsync(Sessions + "/" + id + "/distribution", Json(Bodies.ValidDistribution));
        Assert.Equal(HttpStatusCode.NoContent, distributed.StatusCode);
        Assert.Empty(await distributed.Content.ReadAsByteArrayAsync());

        HttpResponseMessage after = await _client.GetAsync(Sessions + "/" + id);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.True(Klarna.Hpp.SessionResponseV1.Parse(await after.Content.ReadAsByteArrayAsync()).UpdatedAt >= session.UpdatedAt);
    }

    [Fact]
    public async Task Invalid_creation_body_is_a_400_problem_listing_every_error()
    {
        HttpResponseMessage response = await _client.PostAsync(Sessions, Json(Bodies.InvalidCreation));
        JsonElement problem = await Problem(response, HttpStatusCode.BadRequest, "urn:hppserver:problem:invalid-body");
        Assert.Equal(Sessions, problem.GetProperty("instance").GetString());
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (Pointer: e.GetProperty("pointer").GetString(), Keyword: e.GetProperty("keywordLocation").GetString(),
                Absolute: e.TryGetProperty("absoluteKeywordLocation", out JsonElement a) ? a.GetString() : null, Detail: e.GetProperty("detail").GetString()))
            .ToList();
        Assert.Contains(errors, e => e.Pointer == "" && e.Keyword == "/required" && e.Absolute is null && e.Detail!.Contains("payment_session_url"));
        Assert.Contains(errors, e => e.Pointer == "/merchant_urls/success" && e.Keyword == "/properties/merchant_urls/$ref/properties/success/type"
            && e.Absolute == "urn:hppschemagen:MerchantUrlsV1.schema.json#/properties/success/type");
        Assert.Contains(errors, e => e.Pointer == "/options/background_images/0/width"
            && e.Absolute == "urn:hppschemagen:BackgroundImageV1.schema.json#/properties/width/type");
        Assert.Equal(3, errors.Count);

        // The same errors in the JSON Schema "basic" output format.
        JsonElement output = problem.GetProperty("output");
        Assert.False(output.GetProperty("valid").GetBoolean());
        Assert.Equal(errors.Select(e => e.Pointer), output.GetProperty("errors").EnumerateArray().Select(u => u.GetProperty("instanceLocation").GetString()));
    }

    [Fact]
    public async Task Invalid_distribution_body_is_a_400_problem()
    {
        string id = await CreateSession();
        HttpResponseMessage response = await _client.PostAsync(Sessions + "/" + id + "/distribution", Json(Bodies.InvalidDistribution));
        JsonElement problem = await Problem(response, HttpStatusCode.BadRequest, "urn:hppserver:problem:invalid-body");
        string?[] pointers = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("pointer").GetString()).ToArray();
        Assert.Contains("/method", pointers);
        Assert.Contains("/contact_information/email", pointers);
    }

    [Fact]
    public async Task Distribution_without_the_contact_its_method_needs_is_a_400_problem()
    {
        string id = await CreateSession();
        HttpResponseMessage response = await _client.PostAsync(Sessions + "/" + id + "/distribution", Json(Bodies.DistributionWithoutPhone));
        JsonElement problem = await Problem(response, HttpStatusCode.BadRequest, "urn:hppserver:problem:distribution-contact-missing");
        Assert.Equal("/contact_information/phone", problem.GetProperty("errors")[0].GetProperty("pointer").GetString());
    }

    [Theory]
    [InlineData(Bodies.Malformed)]
    [InlineData("{} {}")]
    [InlineData("{\"payment_session_url\": \"u\",}")]
    public async Task Malformed_json_is_its_own_400_problem(string body)
    {
        HttpResponseMessage response = await _client.PostAsync(Sessions, Json(body));
        JsonElement problem = await Problem(response, HttpStatusCode.BadRequest, "urn:hppserver:problem:malformed-json");
        Assert.False(problem.TryGetProperty("errors", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n ")]
    public async Task Empty_body_is_its_own_400_problem(string body)
    {
        await Problem(await _client.PostAsync(Sessions, Json(body)), HttpStatusCode.BadRequest, "urn:hppserver:problem:empty-body");
        string id = await CreateSession();
        await Problem(await _client.PostAsync(Sessions + "/" + id + "/distribution", Json(body)), HttpStatusCode.BadRequest, "urn:hppserver:problem:empty-body");
    }

    [Fact]
    public async Task Body_over_the_limit_is_a_413_problem_with_or_without_a_content_length()
    {
        byte[] huge = Encoding.UTF8.GetBytes(Bodies.Huge);
        Assert.True(huge.Length > RequestBodyReader.MaxBytes);
        await Problem(await _client.PostAsync(Sessions, Json(huge)), HttpStatusCode.RequestEntityTooLarge, "urn:hppserver:problem:body-too-large");

        // Chunked: no Content-Length, so the limit is found while reading.
        var chunked = new StreamContent(new System.IO.MemoryStream(huge));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, Sessions) { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        await Problem(await _client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "urn:hppserver:problem:body-too-large");
    }

    [Fact]
    public async Task Body_at_the_limit_is_read()
    {
        string body = "{\"payment_session_url\": \"" + new string('x', RequestBodyReader.MaxBytes - 27) + "\"}";
        Assert.Equal(RequestBodyReader.MaxBytes, Encoding.UTF8.GetByteCount(body));
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync(Sessions, Json(body))).StatusCode);
    }

    [Fact]
    public async Task Unknown_session_is_a_404_problem()
    {
        await Problem(await _client.GetAsync(Sessions + "/no-such-session"), HttpStatusCode.NotFound, "urn:hppserver:problem:session-not-found");
        await Problem(await _client.PostAsync(Sessions + "/no-such-session/distribution", Json(Bodies.ValidDistribution)),
            HttpStatusCode.NotFound, "urn:hppserver:problem:session-not-found");
    }

    [Fact]
    public async Task Unknown_path_and_wrong_method_are_problems_too()
    {
        await Problem(await _client.GetAsync("/hpp/v1/nothing"), HttpStatusCode.NotFound, "about:blank");
        await Problem(await _client.PutAsync(Sessions, Json(Bodies.ValidCreation)), HttpStatusCode.MethodNotAllowed, "about:blank");
    }

    [Fact]
    public async Task Byte_order_mark_is_ignored()
    {
        byte[] body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Bodies.ValidCreation)).ToArray();
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync(Sessions, Json(body))).StatusCode);
    }

    /// <summary>Every body the tests know, to every route (known and unknown session): never a 500, always the documented codes.</summary>
    [Fact]
    public async Task No_test_body_produces_a_500()
    {
        string id = await CreateSession();
        string[] routes = { Sessions, Sessions + "/" + id + "/distribution", Sessions + "/unknown/distribution" };
        foreach ((string name, byte[] body) in Bodies.All())
        {
            foreach (string route in routes)
            {
                HttpResponseMessage response = await _client.PostAsync(route, Json(body));
                int status = (int)response.StatusCode;
                Assert.True(status is 201 or 204 or 400 or 404 or 413, $"{name} to {route}: {status}");
                if (status >= 400) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }
}
