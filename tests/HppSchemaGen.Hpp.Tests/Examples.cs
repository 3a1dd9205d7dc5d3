namespace HppSchemaGen.Hpp.Tests;

internal static class Examples
{
    /// <summary>The documented SessionCreationResponseV1 example: the sample's embedded file.</summary>
    public static readonly string SessionCreationResponse =
        System.IO.File.ReadAllText(System.IO.Path.Combine(System.AppContext.BaseDirectory, "SessionCreationResponseV1.example.json"));

    public const string SessionCreationRequest = """
    {
      "payment_session_url": "https://api.klarna.com/payments/v1/sessions/92d97f60-7a78-46a5-8f68-c56fe52dc4af",
      "merchant_urls": { "success": "https://example.com/success?sid=1&hppId={{session_id}}" },
      "options": {
        "background_images": [ { "url": "https://example.com/bg.jpg", "width": 1200 } ],
        "payment_method_categories": [ "PAY_NOW", "PAY_LATER" ],
        "purchase_type": "BUY",
        "place_order_mode": "PLACE_ORDER"
      },
      "profile_id": "87ab3565-5e06-4006-9ada-8eedc6926703"
    }
    """;
}
