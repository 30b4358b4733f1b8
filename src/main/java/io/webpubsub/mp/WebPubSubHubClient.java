package io.webpubsub.mp;

import java.util.List;
import java.util.stream.Stream;

import io.webpubsub.mp.models.ClientAccess;
import io.webpubsub.mp.models.ClientAccessOptions;
import io.webpubsub.mp.models.CloseOptions;
import io.webpubsub.mp.models.Filter;
import io.webpubsub.mp.models.GroupMember;
import io.webpubsub.mp.models.ListConnectionsOptions;
import io.webpubsub.mp.models.Message;
import io.webpubsub.mp.models.Permission;
import io.webpubsub.mp.models.SendOptions;

/**
 * The blocking client of one Web PubSub hub: send messages, manage groups, connections and permissions, and hand
 * out client access URLs.
 *
 * <pre>{@code
 * @Inject @WebPubSubHub("chat") WebPubSubHubClient chat;
 *
 * chat.sendToGroup("room-1", Message.text("hello"));
 * chat.sendToAll(Message.json(new Notice("deploy", 3)), new SendOptions().setFilter(Filter.userId().ne("bot")));
 * String url = chat.getClientAccess(new ClientAccessOptions().setUserId("alice").setGroups("room-1")).url();
 * }</pre>
 *
 * <p>Get one by injection (configured by MicroProfile Config, see the README's key table), from
 * {@link WebPubSubClients#forHub(String)}, or from {@link WebPubSubClientBuilder#buildClient()}. Thread-safe.
 * {@link WebPubSubHubAsyncClient} has the same operations returning {@code CompletionStage}s.
 *
 * <p>Every operation checks its arguments first and throws {@link NullPointerException} or
 * {@link IllegalArgumentException} naming the parameter, before anything is sent (group names: 1 to 1024
 * characters, not only whitespace). Failed calls throw {@link WebPubSubServiceException} (or a subtype) after the
 * retries of the configured policy ({@link io.webpubsub.mp.models.RetryOptions}); sends are retried only when
 * the message cannot have been delivered, otherwise they throw {@link WebPubSubDeliveryUnknownException}.
 *
 * @since 0.1.0
 */
public interface WebPubSubHubClient extends AutoCloseable {

    /**
     * The hub this client talks to.
     *
     * @return the hub name
     */
    String getHub();

    /**
     * Sends a message to every connection of the hub.
     *
     * @param message the message
     * @throws WebPubSubServiceException if the call fails
     */
    default void sendToAll(Message message) {
        sendToAll(message, new SendOptions());
    }

    /**
     * Sends a message to the connections of the hub selected by the options (filter, excluded, TTL).
     *
     * @param message the message
     * @param options filter, excluded connections, TTL
     * @throws WebPubSubServiceException if the call fails
     */
    void sendToAll(Message message, SendOptions options);

    /**
     * Sends a message to the connections in a group.
     *
     * @param group the group
     * @param message the message
     * @throws WebPubSubServiceException if the call fails
     */
    default void sendToGroup(String group, Message message) {
        sendToGroup(group, message, new SendOptions());
    }

    /**
     * Sends a message to the connections in a group selected by the options (filter, excluded, TTL).
     *
     * @param group the group
     * @param message the message
     * @param options filter, excluded connections, TTL
     * @throws WebPubSubServiceException if the call fails
     */
    void sendToGroup(String group, Message message, SendOptions options);

    /**
     * Sends a message to the connections of a user.
     *
     * @param userId the user
     * @param message the message
     * @throws WebPubSubServiceException if the call fails
     */
    default void sendToUser(String userId, Message message) {
        sendToUser(userId, message, new SendOptions());
    }

    /**
     * Sends a message to the connections of a user selected by the options (filter, TTL; not excluded).
     *
     * @param userId the user
     * @param message the message
     * @param options filter, TTL
     * @throws IllegalArgumentException if {@code excluded} is set
     * @throws WebPubSubServiceException if the call fails
     */
    void sendToUser(String userId, Message message, SendOptions options);

    /**
     * Sends a message to one connection.
     *
     * @param connectionId the connection
     * @param message the message
     * @throws WebPubSubServiceException if the call fails
     */
    default void sendToConnection(String connectionId, Message message) {
        sendToConnection(connectionId, message, new SendOptions());
    }

    /**
     * Sends a message to one connection, with a TTL (neither filter nor excluded apply).
     *
     * @param connectionId the connection
     * @param message the message
     * @param options TTL
     * @throws IllegalArgumentException if {@code filter} or {@code excluded} is set
     * @throws WebPubSubServiceException if the call fails
     */
    void sendToConnection(String connectionId, Message message, SendOptions options);

    /**
     * Adds a connection to a group.
     *
     * @param group the group
     * @param connectionId the connection
     * @throws WebPubSubNotFoundException if the connection does not exist
     * @throws WebPubSubServiceException if the call fails
     */
    void addConnectionToGroup(String group, String connectionId);

    /**
     * Removes a connection from a group (no error if it is not in the group).
     *
     * @param group the group
     * @param connectionId the connection
     * @throws WebPubSubServiceException if the call fails
     */
    void removeConnectionFromGroup(String group, String connectionId);

    /**
     * Removes a connection from every group it is in.
     *
     * @param connectionId the connection
     * @throws WebPubSubServiceException if the call fails
     */
    void removeConnectionFromAllGroups(String connectionId);

    /**
     * Adds the current connections of a user to a group (later connections of the user are not added).
     *
     * @param group the group
     * @param userId the user
     * @throws WebPubSubNotFoundException if the user has no connection
     * @throws WebPubSubServiceException if the call fails
     */
    void addUserToGroup(String group, String userId);

    /**
     * Removes the connections of a user from a group.
     *
     * @param group the group
     * @param userId the user
     * @throws WebPubSubServiceException if the call fails
     */
    void removeUserFromGroup(String group, String userId);

    /**
     * Removes the connections of a user from every group.
     *
     * @param userId the user
     * @throws WebPubSubServiceException if the call fails
     */
    void removeUserFromAllGroups(String userId);

    /**
     * Adds the connections matching a filter to groups (api-version 2024-01-01 or later).
     *
     * @param groups at least one group
     * @param filter the connections to add, or null for every connection of the hub
     * @throws WebPubSubServiceException if the call fails
     */
    void addConnectionsToGroups(List<String> groups, Filter filter);

    /**
     * Removes the connections matching a filter from groups (api-version 2024-01-01 or later).
     *
     * @param groups at least one group
     * @param filter the connections to remove, or null for every connection of the hub
     * @throws WebPubSubServiceException if the call fails
     */
    void removeConnectionsFromGroups(List<String> groups, Filter filter);

    /**
     * Closes a connection (no error if it does not exist).
     *
     * @param connectionId the connection
     * @throws WebPubSubServiceException if the call fails
     */
    default void closeConnection(String connectionId) {
        closeConnection(connectionId, new CloseOptions());
    }

    /**
     * Closes a connection, telling the client the reason.
     *
     * @param connectionId the connection
     * @param options the reason ({@code excluded} does not apply)
     * @throws IllegalArgumentException if {@code excluded} is set
     * @throws WebPubSubServiceException if the call fails
     */
    void closeConnection(String connectionId, CloseOptions options);

    /**
     * Closes every connection of the hub.
     *
     * @throws WebPubSubServiceException if the call fails
     */
    default void closeAllConnections() {
        closeAllConnections(new CloseOptions());
    }

    /**
     * Closes every connection of the hub but the excluded ones, telling the clients the reason.
     *
     * @param options reason and excluded connections
     * @throws WebPubSubServiceException if the call fails
     */
    void closeAllConnections(CloseOptions options);

    /**
     * Closes the connections in a group.
     *
     * @param group the group
     * @throws WebPubSubServiceException if the call fails
     */
    default void closeGroupConnections(String group) {
        closeGroupConnections(group, new CloseOptions());
    }

    /**
     * Closes the connections in a group but the excluded ones, telling the clients the reason.
     *
     * @param group the group
     * @param options reason and excluded connections
     * @throws WebPubSubServiceException if the call fails
     */
    void closeGroupConnections(String group, CloseOptions options);

    /**
     * Closes the connections of a user.
     *
     * @param userId the user
     * @throws WebPubSubServiceException if the call fails
     */
    default void closeUserConnections(String userId) {
        closeUserConnections(userId, new CloseOptions());
    }

    /**
     * Closes the connections of a user but the excluded ones, telling the clients the reason.
     *
     * @param userId the user
     * @param options reason and excluded connections
     * @throws WebPubSubServiceException if the call fails
     */
    void closeUserConnections(String userId, CloseOptions options);

    /**
     * Whether a connection exists.
     *
     * @param connectionId the connection
     * @return true if it exists (200), false if not (404)
     * @throws WebPubSubServiceException if the call fails otherwise
     */
    boolean connectionExists(String connectionId);

    /**
     * Whether a group has at least one connection.
     *
     * @param group the group
     * @return true (200) or false (404)
     * @throws WebPubSubServiceException if the call fails otherwise
     */
    boolean groupExists(String group);

    /**
     * Whether a user has at least one connection.
     *
     * @param userId the user
     * @return true (200) or false (404)
     * @throws WebPubSubServiceException if the call fails otherwise
     */
    boolean userExists(String userId);

    /**
     * Grants a connection a permission for a group.
     *
     * @param permission the permission
     * @param connectionId the connection
     * @param targetName the group the permission is for (the service's {@code targetName}); null leaves it out
     * @throws WebPubSubNotFoundException if the connection does not exist
     * @throws WebPubSubServiceException if the call fails
     */
    void grantPermission(Permission permission, String connectionId, String targetName);

    /**
     * Revokes a permission of a connection (no error if it did not have it).
     *
     * @param permission the permission
     * @param connectionId the connection
     * @param targetName the group the permission is for; null leaves it out
     * @throws WebPubSubServiceException if the call fails
     */
    void revokePermission(Permission permission, String connectionId, String targetName);

    /**
     * Whether a connection has a permission for a group.
     *
     * @param permission the permission
     * @param connectionId the connection
     * @param targetName the group the permission is for; null leaves it out
     * @return true (200) or false (404: no permission or no such connection)
     * @throws WebPubSubServiceException if the call fails otherwise
     */
    boolean checkPermission(Permission permission, String connectionId, String targetName);

    /**
     * The connections in a group (api-version 2024-12-01), fetched lazily page by page as the stream is consumed.
     * Each page request is retried like any call; a failure surfaces from the stream operation that needed the
     * page.
     *
     * @param group the group
     * @param options page size and total limit
     * @return the connections, in service order
     */
    Stream<GroupMember> listConnectionsInGroup(String group, ListConnectionsOptions options);

    /**
     * Whether the service answers its health probe ({@code HEAD /api/health}), without retries.
     *
     * @return true if it answered 200; false for an error status or no answer
     */
    boolean isServiceHealthy();

    /**
     * A client access URL and token. With an access key the token is signed locally (no network call); with
     * Entra ID it is requested from the service ({@code :generateToken}).
     *
     * @param options user, roles, groups, expiry, protocol
     * @return the base URL, token and full URL
     * @throws WebPubSubServiceException if the service call (Entra ID mode) fails
     */
    ClientAccess getClientAccess(ClientAccessOptions options);

    /**
     * Releases the HTTP connections of a client built with {@link WebPubSubClientBuilder}; the client cannot be
     * used afterwards. Injected clients and those from {@link WebPubSubClients} belong to the container, which
     * releases them at shutdown: for them this method does nothing.
     */
    @Override
    void close();
}
