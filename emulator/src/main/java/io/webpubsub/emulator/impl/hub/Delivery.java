package io.webpubsub.emulator.impl.hub;

/**
 * A message on its way to connections: {@code group} null means "from server"; {@code fromUserId} is set for
 * group messages that a client published.
 */
public record Delivery(String group, String fromUserId, Payload payload) {
}
