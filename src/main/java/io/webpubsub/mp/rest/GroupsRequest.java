package io.webpubsub.mp.rest;

/**
 * The body of {@code :addToGroups} and {@code :removeFromGroups}: target groups and an optional OData filter selecting
 * the connections (none = every connection of the hub).
 *
 * <p>A plain JSON-B / Jackson bean of the REST wire format.
 *
 * @since 0.1.0
 */
public class GroupsRequest {

    private java.util.List<String> groups;

    private String filter;

    /** Creates an empty instance (for JSON binding). */
    public GroupsRequest() {
    }

    /**
     * Gets the {@code groups} property.
     *
     * @return the group names
     */
    public java.util.List<String> getGroups() {
        return groups;
    }

    /**
     * Sets the {@code groups} property.
     *
     * @param groups the group names
     */
    public void setGroups(java.util.List<String> groups) {
        this.groups = groups;
    }

    /**
     * Gets the {@code filter} property.
     *
     * @return the OData filter, or null
     */
    public String getFilter() {
        return filter;
    }

    /**
     * Sets the {@code filter} property.
     *
     * @param filter the OData filter, or null
     */
    public void setFilter(String filter) {
        this.filter = filter;
    }
}
