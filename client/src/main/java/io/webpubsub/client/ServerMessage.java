package io.webpubsub.client;

/**
 * A message the server sent to this connection (REST send to all, user or connection, or an event handler's reply).
 *
 * @param data       the payload
 * @param sequenceId the reliable protocol's sequence id, or {@code null} on {@code json.webpubsub.azure.v1}
 */
public record ServerMessage(WebPubSubData data, Long sequenceId) {
}
