package io.webpubsub.mp.impl.upstream;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.JsonValue;

import io.webpubsub.mp.impl.json.JsonCodec;

/**
 * The endpoint's answer to the service, independent of Jakarta REST: status, optional typed body and headers.
 */
record UpstreamReply(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String TEXT = "text/plain; charset=utf-8";
    static final String JSON = "application/json; charset=utf-8";

    static UpstreamReply noContent(Map<String, String> headers) {
        return new UpstreamReply(204, null, null, headers);
    }

    static UpstreamReply text(int status, String text) {
        return new UpstreamReply(status, TEXT, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static UpstreamReply json(int status, JsonValue json, Map<String, String> headers) {
        return new UpstreamReply(status, JSON, JsonCodec.write(json).getBytes(StandardCharsets.UTF_8), headers);
    }

    static Map<String, String> header(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (value != null) {
            headers.put(name, value);
        }
        return headers;
    }
}
