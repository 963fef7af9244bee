package org.switchboard.plugins.shoporders;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.ParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.plugin.api.customer.CustomerDataException;

/**
 * The shape of a shop's answer: a JSON array of orders (WooCommerce), or an object with an {@code orders}
 * (Shopify) or {@code data} array (many JSON:API-ish shops), optionally with a {@code subscriptions} array beside it.
 * Anything else is refused with a message saying what was expected: a login page or a single object answered
 * with 200 must not look like "no orders".
 *
 * @param orders        the order objects, in the shop's order
 * @param subscriptions the subscription objects, in the shop's order
 */
record ShopAnswer(List<JsonObject> orders, List<JsonObject> subscriptions) {

    static ShopAnswer parse(byte[] body) throws CustomerDataException {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        JsonValue root;
        try {
            root = Json.parse(text);
        } catch (ParseException e) {
            // minimal-json names the problem and its line:column, never the text around it
            throw new CustomerDataException("the shop's answer is not valid JSON (" + e.getMessage() + ")");
        }
        if (root.isArray()) {
            return new ShopAnswer(objects(root.asArray(), "orders"), List.of());
        }
        if (!root.isObject()) {
            throw new CustomerDataException("the shop's answer is " + kind(root) + ", expected a JSON array of "
                    + "orders or an object with an \"orders\" array");
        }
        JsonObject object = root.asObject();
        List<JsonObject> subscriptions = list(object, "subscriptions", false);
        List<JsonObject> orders = list(object, "orders", true);
        if (orders == null) {
            orders = list(object, "data", true);
        }
        if (orders == null) {
            if (subscriptions != null) {
                return new ShopAnswer(List.of(), subscriptions);
            }
            throw new CustomerDataException("the shop's answer has no orders: expected a JSON array, or an object "
                    + "with an \"orders\" or \"data\" array");
        }
        return new ShopAnswer(orders, subscriptions == null ? List.of() : subscriptions);
    }

    /** The objects of a member, or {@code null} when it is absent. */
    private static List<JsonObject> list(JsonObject object, String name, boolean orders)
            throws CustomerDataException {
        JsonValue value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw new CustomerDataException("\"" + name + "\" in the shop's answer is " + kind(value)
                    + ", expected an array of " + (orders ? "orders" : "subscriptions"));
        }
        return objects(value.asArray(), name);
    }

    private static List<JsonObject> objects(JsonArray array, String name) throws CustomerDataException {
        List<JsonObject> objects = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isObject()) {
                throw new CustomerDataException(name + "[" + i + "] in the shop's answer is " + kind(array.get(i))
                        + ", expected an object");
            }
            objects.add(array.get(i).asObject());
        }
        return objects;
    }

    private static String kind(JsonValue value) {
        return value.isObject() ? "an object" : value.isArray() ? "an array" : value.isString() ? "a string"
                : value.isNumber() ? "a number" : value.isBoolean() ? "a boolean" : "null";
    }
}
