namespace HppSchemaGen.Hpp.Tests;

internal static class Examples
{
    /// <summary>The documented SessionCreationResponseV1 example (values from the schema's examples).</summary>
    public const string SessionCreationResponse = """
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
