using System;
using System.Text.Json;
using System.Threading.Tasks;
using HppSchemaGen;
using Klarna.Hpp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HppServer;

/// <summary>
/// The HPP routes of schemas/openapi/hpp-openapi.yml, answered the way the document says (status
/// codes and bodies). Handlers are plain <see cref="RequestDelegate"/>s: bodies are read as bytes and
/// go through the generated <c>TryParse</c> (validate, then deserialize), responses through the
/// generated <c>SchemaJsonContext</c>.
/// </summary>
internal static class HppEndpoints
{
    public const string Sessions = "/hpp/v1/sessions";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(Sessions, CreateSession);
        app.MapGet(Sessions + "/{session_id}", GetSession);
        app.MapPost(Sessions + "/{session_id}/distribution", Distribute);
    }

    /// <summary>createHppSession: 201 with a SessionCreationResponseV1, 400 for a body that is not a SessionCreationRequestV1.</summary>
    private static async Task CreateSession(HttpContext context)
    {
        if (await ReadBody(context) is not byte[] body) return;
        if (!SessionCreationRequestV1.TryParse(body, out SessionCreationRequestV1? request, out ValidationResult result))
        {
            await BadBody(context, nameof(SessionCreationRequestV1), result);
            return;
        }
        _ = request; // a stand-in keeps no payment session: any valid request creates an HPP session

        SessionStore store = context.RequestServices.GetRequiredService<SessionStore>();
        string id = Guid.NewGuid().ToString();
        DateTimeOffset now = store.Now;
        DateTimeOffset expires = now + SessionStore.Lifetime;
        string sessionUrl = BaseUrl(context) + Sessions + "/" + id;
        string token = id.Substring(0, 8);
        var response = new SessionCreationResponseV1
        {
            SessionId = id,
            SessionUrl = sessionUrl,
            DistributionUrl = sessionUrl + "/distribution",
            ManualIdentificationCheckUrl = sessionUrl + "/manual-id-check",
            RedirectUrl = BaseUrl(context) + "/hpp/payments/" + token,
            QrCodeUrl = BaseUrl(context) + "/hpp/payments/" + token + "/qr",
            ExpiresAt = expires,
            DistributionModule = new DistributionModuleV1
            {
                Token = token,
                StandaloneUrl = BaseUrl(context) + "/hpp/payments/" + token,
                GenerationUrl = sessionUrl + "/distribution/qr",
            },
        };
        store.Add(new SessionResponseV1 { SessionId = id, Status = SessionResponseV1Status.Waiting, ExpiresAt = expires, UpdatedAt = now });

        byte[] json = JsonSerializer.SerializeToUtf8Bytes(response, SchemaJsonContext.Default.SessionCreationResponseV1);
        // What this stand-in sends must itself satisfy the schema a merchant's client will check it
        // against; a failure is a bug here, and goes to the catch-all handler (500), never to the client as 201.
        using (JsonDocument sent = JsonDocument.Parse(json))
        {
            ValidationResult check = SessionCreationResponseV1.Validate(sent.RootElement);
            if (!check.IsValid) throw new InvalidOperationException("The SessionCreationResponseV1 built here is invalid: " + check);
        }
        context.Response.Headers.Location = sessionUrl;
        await WriteJson(context, StatusCodes.Status201Created, json);
    }

    /// <summary>getSessionById: 200 with the stored SessionResponseV1, 404 when unknown or expired.</summary>
    private static async Task GetSession(HttpContext context)
    {
        if (FindSession(context) is not SessionResponseV1 session)
        {
            await NotFound(context);
            return;
        }
        await WriteJson(context, StatusCodes.Status200OK, JsonSerializer.SerializeToUtf8Bytes(session, SchemaJsonContext.Default.SessionResponseV1));
    }

    /// <summary>
    /// distributeHppSession: 204 once the link is "sent" (nothing is sent), 400 for a body that is not a
    /// DistributionRequestV1 or lacks the contact its method needs, 404 for an unknown session.
    /// </summary>
    private static async Task Distribute(HttpContext context)
    {
        // The session first: a link for a session that does not exist is 404 whatever the body.
        if (FindSession(context) is not SessionResponseV1 session)
        {
            await NotFound(context);
            return;
        }
        if (await ReadBody(context) is not byte[] body) return;
        if (!DistributionRequestV1.TryParse(body, out DistributionRequestV1? request, out ValidationResult result))
        {
            await BadBody(context, nameof(DistributionRequestV1), result);
            return;
        }
        // The schema says in prose which contact each method needs ("Only required if distribution
        // method is 'sms'"); HPP answers 400 when it is missing, and so does this stand-in.
        (string? value, string member) = request.Method.Value switch
        {
            "sms" => (request.ContactInformation.Phone, "phone"),
            "email" => (request.ContactInformation.Email, "email"),
            "token" => (request.ContactInformation.AccessId?.Value, "access_id"),
            _ => ("unknown method: the schema's enum already refused it", string.Empty),
        };
        if (string.IsNullOrEmpty(value))
        {
            await Problems.WriteMissingContact(context, "/contact_information/" + member,
                $"Distribution by '{request.Method.Value}' needs contact_information.{member}.");
            return;
        }
        SessionStore store = context.RequestServices.GetRequiredService<SessionStore>();
        store.Update(session with { UpdatedAt = store.Now });
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static SessionResponseV1? FindSession(HttpContext context)
    {
        string id = context.Request.RouteValues["session_id"] as string ?? string.Empty;
        return context.RequestServices.GetRequiredService<SessionStore>().TryGet(id, out SessionResponseV1 session) ? session : null;
    }

    /// <summary>The body's bytes; null when a problem (empty, too large) has been written instead.</summary>
    private static async Task<byte[]?> ReadBody(HttpContext context)
    {
        (BodyStatus status, byte[] body) = await RequestBodyReader.Read(context.Request);
        switch (status)
        {
            case BodyStatus.Empty:
                await Problems.Write(context, StatusCodes.Status400BadRequest, Problems.EmptyBody, "The request body is empty.",
                    "This operation requires a JSON request body.");
                return null;
            case BodyStatus.TooLarge:
                await Problems.Write(context, StatusCodes.Status413PayloadTooLarge, Problems.BodyTooLarge, "The request body is too large.",
                    $"Request bodies are limited to {RequestBodyReader.MaxBytes} bytes.");
                return null;
            default:
                return body;
        }
    }

    /// <summary>A body TryParse refused: malformed JSON, or JSON that does not satisfy the schema.</summary>
    private static Task BadBody(HttpContext context, string schemaName, ValidationResult result)
    {
        // SchemaJson reports malformed text as one error with no keyword location (no keyword failed).
        if (result.Errors is [{ KeywordLocation: "" } only] && only.Message.StartsWith("Malformed JSON", StringComparison.Ordinal))
            return Problems.Write(context, StatusCodes.Status400BadRequest, Problems.MalformedJson, "The request body is not well-formed JSON.", only.Message);
        return Problems.WriteInvalid(context, schemaName, result);
    }

    private static Task NotFound(HttpContext context)
        => Problems.Write(context, StatusCodes.Status404NotFound, Problems.SessionNotFound, "HPP session not found.",
            "HPP session has expired or could not be found by provided id.");

    private static async Task WriteJson(HttpContext context, int status, byte[] json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, context.RequestAborted);
    }

    /// <summary>The scheme and host the client used, so the URLs handed out point back at this server.</summary>
    private static string BaseUrl(HttpContext context) => context.Request.Scheme + "://" + context.Request.Host.Value;
}
