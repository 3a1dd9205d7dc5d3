using System;
using System.IO;
using System.Text;
using System.Text.Json;
using HppSchemaGen;
using Klarna.Hpp;

// The HPP sample: parse and validate a SessionCreationResponseV1 (the embedded example, or a file).
//   dotnet run --project samples/HppSample                 -> the embedded example
//   dotnet run --project samples/HppSample -- file.json    -> exit 0 valid, 1 invalid, 2 unreadable / not JSON

const string Example = """
{
  "distribution_module": {
    "generation_url": "https://api.klarna.com/hpp/v1/sessions/9cbc9884-1fdb-45a8-9694-9340340d0436/distribution/qr",
    "standalone_url": "https://pay.klarna.com/eu/hpp/payments/2OCkffK",
    "token": "9cbc9884"
  },
  "distribution_url": "https://api.klarna.com/hpp/v1/sessions/9cbc9884-1fdb-45a8-9694-9340340d0436/distribution",
  "expires_at": "2038-01-19T03:14:07.000Z",
  "manual_identification_check_url": "https://api.klarna.com/hpp/v1/sessions/9cbc9884-1fdb-45a8-9694-9340340d0436/manual-id-check",
  "qr_code_url": "https://pay.klarna.com/eu/hpp/payments/a94e7760-d135-2721-a538-d6294ea254ed/qr",
  "redirect_url": "https://pay.klarna.com/eu/hpp/payments/2OCkffK",
  "session_id": "9cbc9884-1fdb-45a8-9694-9340340d0436",
  "session_url": "https://api.klarna.com/hpp/v1/sessions/9cbc9884-1fdb-45a8-9694-9340340d0436"
}
""";

byte[] utf8;
string source;
if (args.Length > 0)
{
    source = args[0];
    try
    {
        utf8 = File.ReadAllBytes(source);
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
    {
        Console.Error.WriteLine($"error: cannot read '{source}': {e.Message}");
        return 2;
    }
}
else
{
    source = "embedded example";
    utf8 = Encoding.UTF8.GetBytes(Example);
}

ValidationResult result;
try
{
    using JsonDocument document = JsonDocument.Parse(utf8);
    result = SessionCreationResponseV1.Validate(document.RootElement);
}
catch (JsonException e)
{
    Console.Error.WriteLine($"error: '{source}' is not JSON: {e.Message}");
    return 2;
}

if (!result.IsValid)
{
    Console.WriteLine($"{source}: invalid ({result.Errors.Count} error(s))");
    foreach (ValidationError error in result.Errors)
    {
        string at = error.InstanceLocation.Length == 0 ? "(root)" : error.InstanceLocation;
        Console.WriteLine($"{at}: {error.Message}");
    }
    return 1;
}

SessionCreationResponseV1 response = SessionCreationResponseV1.Parse(utf8);
Console.WriteLine($"{source}: parsed SessionCreationResponseV1");
Console.WriteLine($"  session_id:       {response.SessionId}");
Console.WriteLine($"  expires_at:       {response.ExpiresAt:O}");
Console.WriteLine($"  redirect_url:     {response.RedirectUrl}");
Console.WriteLine($"  session_url:      {response.SessionUrl}");
Console.WriteLine($"  distribution_url: {response.DistributionUrl}");
Console.WriteLine($"  qr_code_url:      {response.QrCodeUrl}");
Console.WriteLine($"  distribution_module.standalone_url: {response.DistributionModule?.StandaloneUrl}");
Console.WriteLine("  round trip: " + JsonSerializer.Serialize(response, SchemaJsonContext.Default.SessionCreationResponseV1));
Console.WriteLine("valid");
return 0;
