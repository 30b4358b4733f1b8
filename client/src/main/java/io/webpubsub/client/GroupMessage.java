package io.webpubsub.client;

/**
 * A message published to a group this connection is in.
 *
 * @param group      the group
 * @param fromUserId the sending client's user id; {@code null} when a server (REST) or an anonymous client sent it
 * @param data       the payload
 * @param sequenceId the reliable protocol's sequence id, or {@code null} on {@code json.webpubsub.azure.v1}
 */
public record GroupMessage(String group, String fromUserId, WebPubSubData data, Long sequenceId) {
}
