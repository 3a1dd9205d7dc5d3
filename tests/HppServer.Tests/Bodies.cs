using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace HppServer.Tests;

/// <summary>Request bodies of every kind the tests send.</summary>
internal static class Bodies
{
    public const string ValidCreation = """
    {
      "payment_session_url": "https://api.klarna.com/payments/v1/sessions/92d97f60-7a78-46a5-8f68-c56fe52dc4af",
      "merchant_urls": { "success": "https://example.com/success?sid={{session_id}}" },
      "options": {
        "background_images": [ { "url": "https://example.com/bg.jpg", "width": 1200 } ],
        "payment_method_categories": [ "PAY_NOW", "PAY_LATER" ],
        "purchase_type": "BUY"
      }
    }
    """;

    /// <summary>Three errors: a missing required member, a wrong type behind two $refs, an unknown enum value behind one.</summary>
    public const string InvalidCreation = """
    {
      "merchant_urls": { "success": 42 },
      "options": { "background_images": [ { "url": "https://example.com/bg.jpg", "width": "wide" } ] }
    }
    """;

    public const string ValidDistribution = """{ "method": "email", "contact_information": { "email": "test@example.com" } }""";

    public const string InvalidDistribution = """{ "method": "pigeon", "contact_information": { "email": 7 } }""";

    public const string DistributionWithoutPhone = """{ "method": "sms", "contact_information": { "email": "test@example.com" } }""";

    public const string Malformed = """{ "payment_session_url": "https://example.com", """;

    /// <summary>Just over the limit, and well-formed: refused by size, not by parsing.</summary>
    public static string Huge { get; } = "{\"payment_session_url\": \"" + new string('x', RequestBodyReader.MaxBytes) + "\"}";

    /// <summary>Every kind of body, for the no-500 sweep.</summary>
    public static IEnumerable<(string Name, byte[] Body)> All()
    {
        foreach ((string name, string text) in Texts()) yield return (name, Encoding.UTF8.GetBytes(text));
        yield return ("not UTF-8", new byte[] { 0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D });
        yield return ("UTF-8 BOM", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ValidCreation)).ToArray());
    }

    private static IEnumerable<(string Name, string Body)> Texts()
    {
        yield return ("valid creation", ValidCreation);
        yield return ("invalid creation", InvalidCreation);
        yield return ("valid distribution", ValidDistribution);
        yield return ("invalid distribution", InvalidDistribution);
        yield return ("distribution without phone", DistributionWithoutPhone);
        yield return ("malformed", Malformed);
        yield return ("empty", string.Empty);
        yield return ("whitespace", " \r\n\t ");
        yield return ("null", "null");
        yield return ("array", "[]");
        yield return ("trailing garbage", "{} {}");
        yield return ("deep", new string('[', 10_000) + new string(']', 10_000));
        yield return ("lone surrogate member", "{\"\\ud800\": 1, \"payment_session_url\": \"u\"}");
        yield return ("huge", Huge);
    }
}
