package io.webpubsub.client;

/**
 * A new connection is ready (once per connection, not after a recovery of the same connection).
 *
 * @param connectionId the service's id of the connection
 * @param userId       the user the client access URL names, or {@code null} for anonymous connections
 */
public record ConnectedEvent(String connectionId, String userId) {
}
