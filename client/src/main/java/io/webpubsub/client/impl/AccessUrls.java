package io.webpubsub.client.impl;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The WebSocket addresses a client connects to. They carry the access token: never log or show them. */
final class AccessUrls {

    private AccessUrls() {
    }

    /**
     * The WebSocket form of a client access URL ({@code http} becomes {@code ws}, {@code https} {@code wss}); {@code
     * null} when it is not an absolute ws, wss, http or https URL with a host.
     */
    static URI client(String accessUrl) {
        try {
            URI uri = URI.create(accessUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String ws = switch (scheme) {
                case "ws", "http" -> "ws";
                case "wss", "https" -> "wss";
                default -> null;
            };
            return ws == null || uri.getHost() == null ? null
                    : URI.create(ws + accessUrl.substring(accessUrl.indexOf(':')));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The address that recovers a reliable connection: the connection's URL with its id and reconnection token. */
    static URI recovery(String url, String connectionId, String reconnectionToken) {
        String query = "awps_connection_id=" + URLEncoder.encode(connectionId, StandardCharsets.UTF_8)
                + "&awps_reconnection_token=" + URLEncoder.encode(reconnectionToken, StandardCharsets.UTF_8);
        return URI.create(url + (url.contains("?") ? "&" : "?") + query);
    }
}
