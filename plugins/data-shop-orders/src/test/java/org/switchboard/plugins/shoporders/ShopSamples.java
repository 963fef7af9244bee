package org.switchboard.plugins.shoporders;

/**
 * Answers of real shop APIs, trimmed to the fields that matter plus a few that must be ignored. Shopify's follows
 * the Admin REST API's documented order example (GET /admin/api/2025-01/orders.json), WooCommerce's the
 * REST API v3 order list (GET /wp-json/wc/v3/orders).
 */
final class ShopSamples {

    private ShopSamples() {
    }

    /** The format the plugin documents first: a plain array with the brief's field names. */
    static final String PLAIN_ARRAY = """
            [
              {
                "number": "4827",
                "id": "8f0c2b9e-77a1-4c1e-9d55-2f3a6e1b0c41",
                "status": "shipped",
                "created_at": "2026-11-18T09:12:44Z",
                "updated_at": "2026-11-20T16:03:10+01:00",
                "total": 59.90,
                "currency": "eur",
                "items": [
                  {"name": "Trail running shoes", "quantity": 1, "sku": "TRS-42"},
                  {"name": "Merino socks", "quantity": 2}
                ],
                "tracking_number": "00340434161094042557",
                "carrier": "DHL",
                "tracking_url": "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161094042557",
                "refund_status": "none",
                "gift_wrap": false
              },
              {
                "number": "4811",
                "status": "delivered",
                "updated_at": "2026-11-02T08:00:00Z",
                "total": "24.50",
                "currency": "EUR",
                "items": ["Water bottle"]
              }
            ]
            """;

    /** Shopify's shape: {@code orders}, prices as strings, status split in two, tracking in fulfillments. */
    static final String SHOPIFY = """
            {
              "orders": [
                {
                  "id": 450789469,
                  "admin_graphql_api_id": "gid://shopify/Order/450789469",
                  "cancelled_at": null,
                  "closed_at": null,
                  "confirmed": true,
                  "contact_email": "bob.norman@mail.example.com",
                  "created_at": "2026-10-10T11:00:00-05:00",
                  "currency": "USD",
                  "current_total_price": "389.94",
                  "email": "bob.norman@mail.example.com",
                  "financial_status": "partially_refunded",
                  "fulfillment_status": null,
                  "name": "#1001",
                  "number": 1,
                  "order_number": 1001,
                  "phone": "+557734881234",
                  "processed_at": "2026-10-10T11:00:00-05:00",
                  "reference": "fhwdgads",
                  "subtotal_price": "597.00",
                  "total_price": "598.94",
                  "updated_at": "2026-10-12T09:30:00-05:00",
                  "line_items": [
                    {"id": 466157049, "name": "IPod Nano - 8gb - green", "title": "IPod Nano - 8gb", "quantity": 1,
                     "price": "199.00", "sku": "IPOD2008GREEN", "fulfillment_status": null},
                    {"id": 518995019, "name": "IPod Nano - 8gb - red", "title": "IPod Nano - 8gb", "quantity": 1,
                     "price": "199.00", "sku": "IPOD2008RED", "fulfillment_status": null},
                    {"id": 703073504, "name": "IPod Nano - 8gb - black", "title": "IPod Nano - 8gb", "quantity": 1,
                     "price": "199.00", "sku": "IPOD2008BLACK", "fulfillment_status": null}
                  ],
                  "fulfillments": [],
                  "refunds": [
                    {
                      "id": 509562969,
                      "created_at": "2026-10-12T09:30:00-05:00",
                      "note": "it broke during shipping",
                      "order_id": 450789469,
                      "restock": true,
                      "transactions": [
                        {"id": 179259969, "amount": "209.00", "kind": "refund", "status": "success",
                         "currency": "USD", "gateway": "bogus"}
                      ],
                      "refund_line_items": [
                        {"id": 104689539, "line_item_id": 703073504, "quantity": 1, "subtotal": 195.67}
                      ]
                    }
                  ]
                },
                {
                  "id": 1073459962,
                  "cancelled_at": null,
                  "created_at": "2026-11-19T14:21:07-05:00",
                  "currency": "USD",
                  "financial_status": "paid",
                  "fulfillment_status": "fulfilled",
                  "name": "#1002",
                  "number": 2,
                  "order_number": 1002,
                  "total_price": "45.50",
                  "updated_at": "2026-11-20T10:02:33-05:00",
                  "line_items": [
                    {"id": 1071823187, "name": "Draft - 151cm", "title": "Draft", "quantity": 2, "price": "20.00"}
                  ],
                  "fulfillments": [
                    {
                      "id": 255858046,
                      "order_id": 1073459962,
                      "status": "success",
                      "created_at": "2026-11-19T16:00:00-05:00",
                      "service": "manual",
                      "shipment_status": "in_transit",
                      "tracking_company": "UPS",
                      "tracking_number": "1Z2345",
                      "tracking_numbers": ["1Z2345"],
                      "tracking_url": "https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1Z2345",
                      "tracking_urls": ["https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1Z2345"]
                    }
                  ],
                  "refunds": []
                },
                {
                  "id": 1073459963,
                  "cancelled_at": "2026-09-02T10:00:00-05:00",
                  "cancel_reason": "customer",
                  "created_at": "2026-09-01T08:00:00-05:00",
                  "currency": "USD",
                  "financial_status": "refunded",
                  "fulfillment_status": null,
                  "order_number": 1000,
                  "total_price": "12.00",
                  "updated_at": "2026-09-02T10:00:00-05:00",
                  "line_items": []
                }
              ]
            }
            """;

    /** WooCommerce's shape: a plain array, numbers as strings, site-local and GMT dates without offsets. */
    static final String WOOCOMMERCE = """
            [
              {
                "id": 727,
                "parent_id": 0,
                "number": "727",
                "order_key": "wc_order_58d2d042d1d",
                "created_via": "rest-api",
                "version": "3.0.0",
                "status": "processing",
                "currency": "USD",
                "date_created": "2026-11-22T16:28:02",
                "date_created_gmt": "2026-11-22T19:28:02",
                "date_modified": "2026-11-22T16:28:08",
                "date_modified_gmt": "2026-11-22T19:28:08",
                "discount_total": "0.00",
                "shipping_total": "10.00",
                "total": "29.35",
                "total_tax": "1.35",
                "customer_id": 0,
                "billing": {"first_name": "John", "last_name": "Doe", "email": "john.doe@example.com",
                            "phone": "(555) 555-5555"},
                "payment_method": "bacs",
                "line_items": [
                  {"id": 315, "name": "Woo Single #1", "product_id": 93, "variation_id": 0, "quantity": 2,
                   "subtotal": "6.00", "total": "6.00", "sku": "", "price": 3},
                  {"id": 316, "name": "Ship Your Idea &ndash; Color: Black, Size: M Test", "product_id": 22,
                   "variation_id": 23, "quantity": 1, "subtotal": "12.00", "total": "12.00", "price": 12}
                ],
                "refunds": []
              },
              {
                "id": 723,
                "number": "723",
                "status": "completed",
                "currency": "USD",
                "date_created_gmt": "2026-11-01T10:00:00",
                "date_modified_gmt": "2026-11-05T12:30:00",
                "total": "39.00",
                "line_items": [
                  {"id": 301, "name": "Happy Ninja", "quantity": 3, "total": "54.00"}
                ],
                "refunds": [
                  {"id": 726, "reason": "Wrong size", "total": "-10.00"},
                  {"id": 729, "reason": "", "total": "-5.00"}
                ]
              }
            ]
            """;
}
