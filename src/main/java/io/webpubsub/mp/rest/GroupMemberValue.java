package io.webpubsub.mp.rest;

/**
 * One connection in a group, as listed by {@code ListConnectionsInGroup}.
 *
 * <p>A plain JSON-B / Jackson bean of the REST wire format.
 *
 * @since 0.1.0
 */
public class GroupMemberValue {

    private String connectionId;

    private String userId;

    /** Creates an empty instance (for JSON binding). */
    public GroupMemberValue() {
    }

    /**
     * Gets the {@code connectionId} property.
     *
     * @return the connection id
     */
    public String getConnectionId() {
        return connectionId;
    }

    /**
     * Sets the {@code connectionId} property.
     *
     * @param connectionId the connection id
     */
    public void setConnectionId(String connectionId) {
        this.connectionId = connectionId;
    }

    /**
     * Gets the {@code userId} property.
     *
     * @return the user id, or null for an anonymous connection
     */
    public String getUserId() {
        return userId;
    }

    /**
     * Sets the {@code userId} property.
     *
     * @param userId the user id, or null for an anonymous connection
     */
    public void setUserId(String userId) {
        this.userId = userId;
    }
}
