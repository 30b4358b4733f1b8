package io.webpubsub.client;

/**
 * What an acknowledged operation returned.
 *
 * @param ackId      the ack id the operation was sent with; {@code null} for fire-and-forget sends
 * @param duplicated true when the service answered {@code Duplicate}: an earlier attempt with this ack id already
 *                   succeeded (e.g. before a recovery), so the operation took effect exactly once
 */
public record WebPubSubResult(Long ackId, boolean duplicated) {
}
