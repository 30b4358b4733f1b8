package io.webpubsub.mp.impl.upstream;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds requests shaped as the service sends them: binary-mode CloudEvents headers, the
 * signature computed with real HMAC-SHA256 over the connection id.
 */
final class ServiceRequests {

    static final String KEY = "primary-access-key-0123456789abcdefghijklmnopqrstuvwxyz";
    static final String SECONDARY_KEY = "secondary-access-key-0123456789abcdefghijklmnopqrstuvw";
    static final String ORIGIN = "demo.webpubsub.azure.com";
    static final String CONNECTION_STRING = "Endpoint=https://" + ORIGIN + ";AccessKey=" + KEY + ";Version=1.0;";

    private ServiceRequests() {
    }

    /** An event POST under construction. */
    static final class Event {
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body = new byte[0];
        private String contentType = "application/json; charset=utf-8";

        Event(String hub, String connectionId, String type, String eventName) {
            headers.put("WebHook-Request-Origin", ORIGIN);
            headers.put("ce-specversion", "1.0");
            headers.put("ce-awpsversion", "1.0");
            headers.put("ce-type", type);
            headers.put("ce-source", "/hubs/" + hub + "/client/" + connectionId);
            headers.put("ce-id", "1");
            headers.put("ce-time", "2021-01-01T00:00:00Z");
            headers.put("ce-signature", SignatureVerifier.sign(KEY, connectionId));
            headers.put("ce-userId", "user1");
            headers.put("ce-connectionId", connectionId);
            headers.put("ce-hub", hub);
            headers.put("ce-eventName", eventName);
        }

        Event header(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
            return this;
        }

        Event json(String json) {
            return body("application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
        }

        Event body(String contentType, byte[] body) {
            this.contentType = contentType;
            this.body = body;
            return this;
        }

        HttpRequest to(URI uri) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            headers.forEach(builder::header);
            return builder.build();
        }
    }

    static Event connect(String hub, String connectionId) {
        return new Event(hub, connectionId, "azure.webpubsub.sys.connect", "connect").header("ce-userId", null)
                .header("ce-id", "0");
    }

    static Event connected(String hub, String connectionId) {
        return new Event(hub, connectionId, "azure.webpubsub.sys.connected", "connected").json("{}");
    }

    static Event disconnected(String hub, String connectionId, String reason) {
        return new Event(hub, connectionId, "azure.webpubsub.sys.disconnected", "disconnected")
                .json("{\"reason\":\"" + reason + "\"}");
    }

    static Event user(String hub, String connectionId, String eventName, String contentType, byte[] data) {
        return new Event(hub, connectionId, "azure.webpubsub.user." + eventName, eventName).body(contentType, data);
    }

    static HttpRequest validation(URI uri, String origin) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).method("OPTIONS", HttpRequest.BodyPublishers
                .noBody()).header("ce-awpsversion", "1.0");
        if (origin != null) {
            builder.header("WebHook-Request-Origin", origin);
        }
        return builder.build();
    }
}
