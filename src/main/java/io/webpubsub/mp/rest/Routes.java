package io.webpubsub.mp.rest;

/**
 * The path of each data-plane operation, the single definition that {@link WebPubSubRestApi}'s {@code @Path}
 * annotations (and the library's asynchronous twin of it) use. {@link #BASE} is the interface's path; the other
 * constants are the method paths below it, with the {@code @PathParam} names in braces.
 *
 * @since 0.1.0
 */
public final class Routes {

    /** The path of the whole API, below the service endpoint. */
    public static final String BASE = "/api";
    /** {@code getServiceStatus}. */
    public static final String HEALTH = "/health";
    /** {@code addConnectionsToGroups}. */
    public static final String ADD_TO_GROUPS = "/hubs/{hub}/:addToGroups";
    /** {@code closeAllConnections}. */
    public static final String CLOSE_ALL = "/hubs/{hub}/:closeConnections";
    /** {@code generateClientToken}. */
    public static final String GENERATE_TOKEN = "/hubs/{hub}/:generateToken";
    /** {@code removeConnectionsFromGroups}. */
    public static final String REMOVE_FROM_GROUPS = "/hubs/{hub}/:removeFromGroups";
    /** {@code sendToAll}. */
    public static final String SEND_TO_ALL = "/hubs/{hub}/:send";
    /** {@code closeConnection}, {@code connectionExists}. */
    public static final String CONNECTION = "/hubs/{hub}/connections/{connectionId}";
    /** {@code sendToConnection}. */
    public static final String SEND_TO_CONNECTION = CONNECTION + "/:send";
    /** {@code removeConnectionFromAllGroups}. */
    public static final String CONNECTION_GROUPS = CONNECTION + "/groups";
    /** {@code groupExists}. */
    public static final String GROUP = "/hubs/{hub}/groups/{group}";
    /** {@code closeGroupConnections}. */
    public static final String CLOSE_GROUP = GROUP + "/:closeConnections";
    /** {@code sendToGroup}. */
    public static final String SEND_TO_GROUP = GROUP + "/:send";
    /** {@code listConnectionsInGroup}. */
    public static final String GROUP_CONNECTIONS = GROUP + "/connections";
    /** {@code addConnectionToGroup}, {@code removeConnectionFromGroup}. */
    public static final String GROUP_CONNECTION = GROUP_CONNECTIONS + "/{connectionId}";
    /** {@code grantPermission}, {@code revokePermission}, {@code checkPermission}. */
    public static final String PERMISSION = "/hubs/{hub}/permissions/{permission}/connections/{connectionId}";
    /** {@code userExists}. */
    public static final String USER = "/hubs/{hub}/users/{userId}";
    /** {@code closeUserConnections}. */
    public static final String CLOSE_USER = USER + "/:closeConnections";
    /** {@code sendToUser}. */
    public static final String SEND_TO_USER = USER + "/:send";
    /** {@code removeUserFromAllGroups}. */
    public static final String USER_GROUPS = USER + "/groups";
    /** {@code addUserToGroup}, {@code removeUserFromGroup}. */
    public static final String USER_GROUP = USER_GROUPS + "/{group}";

    private Routes() {
    }
}
