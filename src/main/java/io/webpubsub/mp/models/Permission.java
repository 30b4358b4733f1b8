package io.webpubsub.mp.models;

/**
 * A permission a connection can be granted for one group.
 *
 * @since 0.1.0
 */
public enum Permission {

    /** Publish messages to the group ({@code sendToGroup}). */
    SEND_TO_GROUP("sendToGroup"),
    /** Join and leave the group ({@code joinLeaveGroup}). */
    JOIN_LEAVE_GROUP("joinLeaveGroup");

    private final String value;

    Permission(String value) {
        this.value = value;
    }

    /**
     * The name in the REST path.
     *
     * @return {@code sendToGroup} or {@code joinLeaveGroup}
     */
    public String value() {
        return value;
    }
}
