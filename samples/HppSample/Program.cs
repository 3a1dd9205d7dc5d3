using System;
using System.IO;
using System.Text.Json;
using HppSchemaGen;
using Klarna.Hpp;

// The HPP sample: parse and validate a SessionCreationResponseV1 (the embedded example, or a file).
//   dotnet run --project samples/HppSample                 -> the embedded example
//   dotnet run --project samples/HppSample -- file.json    -> exit 0 valid, 1 invalid, 2 unreadable / not JSON


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
    using Stream stream = typeof(Program).Assembly.GetManifestResourceStream("HppSample.SessionCreationResponseV1.example.json")!;
    utf8 = new byte[stream.Length];
    stream.ReadExactly(utf8);
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
