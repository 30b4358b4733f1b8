package io.webpubsub.client;

/**
 * A connection ended for good: it could not be recovered, was closed by the service or by {@code stop()}.
 *
 * @param connectionId the connection that ended, or {@code null} when it never got an id
 * @param message      the service's {@code disconnected} message or the close reason, or {@code null}
 */
public record DisconnectedEvent(String connectionId, String message) {
}
