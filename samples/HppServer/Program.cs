using System;
using HppServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// A local stand-in for Klarna's Hosted Payment Page API (the routes of schemas/openapi/hpp-openapi.yml),
// for merchants' integration tests. Every request body is validated with the validators generated
// from schemas/*.schema.json; every error is an RFC 9457 problem (application/problem+json).
//   dotnet run --project samples/HppServer -- --urls http://127.0.0.1:5187

WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<SessionStore>();

WebApplication app = builder.Build();

// Catch-all: an exception is a bug of this server, answered as a problem, never as an empty 500 page.
app.UseExceptionHandler(failed => failed.Run(context =>
{
    Exception? error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
    context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("HppServer").LogError(error, "Unhandled exception");
    return Problems.Write(context, StatusCodes.Status500InternalServerError, null, "Internal Server Error",
        "The HPP stand-in failed to answer this request; see its log.");
}));
// Unknown paths (404) and wrong methods (405) get a problem body too.
app.UseStatusCodePages(pages => pages.HttpContext.Response.HasStarted
    ? System.Threading.Tasks.Task.CompletedTask
    : Problems.Write(pages.HttpContext, pages.HttpContext.Response.StatusCode, null,
        ReasonPhrases.GetReasonPhrase(pages.HttpContext.Response.StatusCode),
        "No HPP operation answers " + pages.HttpContext.Request.Method + " " + pages.HttpContext.Request.Path + "."));

HppEndpoints.Map(app);
app.Run();

/// <summary>The entry point; public so integration tests can start it with WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program
{
}
