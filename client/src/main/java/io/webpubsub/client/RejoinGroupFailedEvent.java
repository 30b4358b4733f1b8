package io.webpubsub.client;

/**
 * Joining a group again on a new connection failed (see {@link WebPubSubClientBuilder#autoRejoinGroups(boolean)}).
 * The group is forgotten; join it again to retry.
 *
 * @param group the group
 * @param error why, e.g. a {@link ForbiddenException} when the new token lacks the role
 */
public record RejoinGroupFailedEvent(String group, Throwable error) {
}
