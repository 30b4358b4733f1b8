package io.webpubsub.mp.rest;

/**
 * One page of {@code ListConnectionsInGroup}.
 *
 * <p>A plain JSON-B / Jackson bean of the REST wire format.
 *
 * @since 0.1.0
 */
public class GroupMemberPagedValues {

    private java.util.List<GroupMemberValue> value;

    private String nextLink;

    /** Creates an empty instance (for JSON binding). */
    public GroupMemberPagedValues() {
    }

    /**
     * Gets the {@code value} property.
     *
     * @return the connections of this page
     */
    public java.util.List<GroupMemberValue> getValue() {
        return value;
    }

    /**
     * Sets the {@code value} property.
     *
     * @param value the connections of this page
     */
    public void setValue(java.util.List<GroupMemberValue> value) {
        this.value = value;
    }

    /**
     * Gets the {@code nextLink} property.
     *
     * @return the absolute URL of the next page (carrying {@code continuationToken}), or null on the last page
     */
    public String getNextLink() {
        return nextLink;
    }

    /**
     * Sets the {@code nextLink} property.
     *
     * @param nextLink the absolute URL of the next page (carrying {@code continuationToken}), or null on the last page
     */
    public void setNextLink(String nextLink) {
        this.nextLink = nextLink;
    }
}
