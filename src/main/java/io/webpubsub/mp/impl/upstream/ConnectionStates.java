package io.webpubsub.mp.impl.upstream;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.webpubsub.mp.impl.json.JsonCodec;

/**
 * {@code ce-connectionState} in the official SDKs' convention: base64 of a UTF-8 JSON object.
 */
final class ConnectionStates {

    static final String HEADER = "ce-connectionState";

    private ConnectionStates() {
    }

    /**
     * @param header the header value, or null
     * @return key to value; JSON values that are not strings as JSON text
     * @throws UpstreamFailure 400 if the value is not base64 of a JSON object
     */
    static Map<String, String> decode(String header) {
        if (header == null || header.isEmpty()) {
            return Map.of();
        }
        JsonValue json;
        try {
            json = JsonCodec.parse(new String(Base64.getDecoder().decode(header.trim()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw UpstreamFailure.badRequest("Header 'ce-connectionState' is not base64-encoded JSON: "
                    + e.getMessage());
        }
        if (!(json instanceof JsonObject object)) {
            throw UpstreamFailure.badRequest("Header 'ce-connectionState' is not base64 of a JSON object");
        }
        Map<String, String> state = new LinkedHashMap<>();
        object.forEach((k, v) -> state.put(k, v instanceof JsonString s ? s.getString() : JsonCodec.write(v)));
        return Collections.unmodifiableMap(state);
    }

    /** Encodes a state; an empty map gives the empty value, which clears the state at the service. */
    static String encode(Map<String, String> state) {
        if (state.isEmpty()) {
            return "";
        }
        JsonObjectBuilder json = JsonCodec.object();
        new TreeMap<>(state).forEach(json::add); // sorted so that equal states give equal headers
        return Base64.getEncoder().encodeToString(JsonCodec.write(json.build()).getBytes(StandardCharsets.UTF_8));
    }
}
