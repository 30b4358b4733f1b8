package io.webpubsub.mp;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

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
 * The asynchronous client of one Web PubSub hub: the operations of {@link WebPubSubHubClient}, each returning a
 * {@code CompletionStage} that completes when the service has answered.
 *
 * <pre>{@code
 * @Inject @WebPubSubHub("chat") WebPubSubHubAsyncClient chat;
 *
 * chat.sendToGroup("room-1", Message.text("hello")).thenRun(() -> log("sent"));
 * chat.getClientAccess(new ClientAccessOptions().setUserId("alice")).thenApply(ClientAccess::url);
 * }</pre>
 *
 * <p>Get one by injection (configured by MicroProfile Config, see the README's key table), from
 * {@link WebPubSubClients#forHubAsync(String)}, or from {@link WebPubSubClientBuilder#buildAsyncClient()}.
 * Thread-safe. Calls use the REST client's asynchronous methods: on the Quarkus REST client a call in flight holds
 * no thread; a blocking REST client implementation runs it on the client's executor (the one given to the
 * builder, else the container's managed executor, else a small shared pool). Waits between retries hold no thread.
 * Cancelling a stage stops further retries.
 *
 * <p>Every operation checks its arguments first and throws {@link NullPointerException} or
 * {@link IllegalArgumentException} naming the parameter, before anything is sent (group names: 1 to 1024
 * characters, not only whitespace). Failed calls throw {@link WebPubSubServiceException} (or a subtype) (the stage
 * completes exceptionally with it, unwrapped) after the retries of the configured policy ({@link
 * io.webpubsub.mp.models.RetryOptions}); sends are retried only when
 * the message cannot have been delivered, otherwise they throw {@link WebPubSubDeliveryUnknownException}.
 *
 * @since 0.1.0
 */
public interface WebPubSubHubAsyncClient extends AutoCloseable {

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
     * @return a stage that completes when the service has accepted the request
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    default CompletionStage<Void> sendToAll(Message message) {
        return sendToAll(message, new SendOptions());
    }

    /**
     * Sends a message to the connections of the hub selected by the options (filter, excluded, TTL).
     *
     * @param message the message
     * @param options filter, excluded connections, TTL
     * @return a stage that completes when the service has accepted the request
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    CompletionStage<Void> sendToAll(Message message, SendOptions options);

    /**
     * Sends a message to the connections in a group.
     *
     * @param group the group
     * @param message the message
     * @return a stage that completes when the service has accepted the request
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    default CompletionStage<Void> sendToGroup(String group, Message message) {
        return sendToGroup(group, message, new SendOptions());
    }

    /**
     * Sends a message to the connections in a group selected by the options (filter, excluded, TTL).
     *
     * @param group the group
     * @param message the message
     * @param options filter, excluded connections, TTL
     * @return a stage that completes when the service has accepted the request
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    CompletionStage<Void> sendToGroup(String group, Message message, SendOptions options);

    /**
     * Sends a message to the connections of a user.
     *
     * @param userId the user
     * @param message the message
     * @return a stage that completes when the service has accepted the request
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    default CompletionStage<Void> sendToUser(String userId, Message message) {
        return sendToUser(userId, message, new SendOptions());
    }

    /**
     * Sends a message to the connections of a user selected by the options (filter, TTL; not excluded).
     *
     * @param userId the user
     * @param message the message
     * @param options filter, TTL
     * @return a stage that completes when the service has accepted the request
     * @throws IllegalArgumentException if {@code excluded} is set
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    CompletionStage<Void> sendToUser(String userId, Message message, SendOptions options);

    /**
     * Sends a message to one connection.
     *
     * @param connectionId the connection
     * @param message the message
     * @return a stage that completes when the service has accepted the request
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    default CompletionStage<Void> sendToConnection(String connectionId, Message message) {
        return sendToConnection(connectionId, message, new SendOptions());
    }

    /**
     * Sends a message to one connection, with a TTL (neither filter nor excluded apply).
     *
     * @param connectionId the connection
     * @param message the message
     * @param options TTL
     * @return a stage that completes when the service has accepted the request
     * @throws IllegalArgumentException if {@code filter} or {@code excluded} is set
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    CompletionStage<Void> sendToConnection(String connectionId, Message message, SendOptions options);

    /**
     * Adds a connection to a group.
     *
     * @param group the group
     * @param connectionId the connection
     * @return a stage that completes when the service has accepted the request
     * @throws WebPubSubNotFoundException (completing the stage) if the connection does not exist
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    CompletionStage<Void> addConnectionToGroup(String group, String connectionId);

    /**
     * Removes a connection from a group (no error if it is not in the group).
     *
     * @param group the group
     * @param connectionId the connection
     * @return a stage that completes when the service has accepted the request
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    CompletionStage<Void> removeConnectionFromGroup(String group, String connectionId);

    /**
     * Removes a connection from every group it is in.
     *
     * @param connectionId the connection
     * @return a stage that completes when the service has accepted the request
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    CompletionStage<Void> removeConnectionFromAllGroups(String connectionId);

    /**
     * Adds the current connections of a user to a group (later connections of the user are not added).
     *
     * @param group the group
     * @param userId the user
     * @return a stage that completes when the service has accepted the request
     * @throws WebPubSubNotFoundException (completing the stage) if the user has no connection
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    CompletionStage<Void> addUserToGroup(String group, String userId);

    /**
     * Removes the connections of a user from a group.
     *
     * @param group the group
     * @param userId the user
     * @return a stage that completes when the service has accepted the request
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    CompletionStage<Void> removeUserFromGroup(String group, String userId);

    /**
     * Removes the connections of a user from every group.
     *
     * @param userId the user
     * @return a stage that completes when the service has accepted the request
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    CompletionStage<Void> removeUserFromAllGroups(String userId);

    /**
     * Adds the connections matching a filter to groups (api-version 2024-01-01 or later).
     *
     * @param groups at least one group
     * @param filter the connections to add, or null for every connection of the hub
     * @return a stage that completes when the service has accepted the request
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    CompletionStage<Void> addConnectionsToGroups(List<String> groups, Filter filter);

    /**
     * Removes the connections matching a filter from groups (api-version 2024-01-01 or later).
     *
     * @param groups at least one group
     * @param filter the connections to remove, or null for every connection of the hub
     * @return a stage that completes when the service has accepted the request
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    CompletionStage<Void> removeConnectionsFromGroups(List<String> groups, Filter filter);

    /**
     * Closes a connection (no error if it does not exist).
     *
     * @param connectionId the connection
     * @return a stage that completes when the service has accepted the request
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    default CompletionStage<Void> closeConnection(String connectionId) {
        return closeConnection(connectionId, new CloseOptions());
    }

    /**
     * Closes a connection, telling the client the reason.
     *
     * @param connectionId the connection
     * @param options the reason ({@code excluded} does not apply)
     * @return a stage that completes when the service has accepted the request
     * @throws IllegalArgumentException if {@code excluded} is set
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    CompletionStage<Void> closeConnection(String connectionId, CloseOptions options);

    /**
     * Closes every connection of the hub.
     *
     * @return a stage that completes when the service has accepted the request
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    default CompletionStage<Void> closeAllConnections() {
        return closeAllConnections(new CloseOptions());
    }

    /**
     * Closes every connection of the hub but the excluded ones, telling the clients the reason.
     *
     * @param options reason and excluded connections
     * @return a stage that completes when the service has accepted the request
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    CompletionStage<Void> closeAllConnections(CloseOptions options);

    /**
     * Closes the connections in a group.
     *
     * @param group the group
     * @return a stage that completes when the service has accepted the request
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    default CompletionStage<Void> closeGroupConnections(String group) {
        return closeGroupConnections(group, new CloseOptions());
    }

    /**
     * Closes the connections in a group but the excluded ones, telling the clients the reason.
     *
     * @param group the group
     * @param options reason and excluded connections
     * @return a stage that completes when the service has accepted the request
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    CompletionStage<Void> closeGroupConnections(String group, CloseOptions options);

    /**
     * Closes the connections of a user.
     *
     * @param userId the user
     * @return a stage that completes when the service has accepted the request
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    default CompletionStage<Void> closeUserConnections(String userId) {
        return closeUserConnections(userId, new CloseOptions());
    }

    /**
     * Closes the connections of a user but the excluded ones, telling the clients the reason.
     *
     * @param userId the user
     * @param options reason and excluded connections
     * @return a stage that completes when the service has accepted the request
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    CompletionStage<Void> closeUserConnections(String userId, CloseOptions options);

    /**
     * Whether a connection exists.
     *
     * @param connectionId the connection
     * @return true if it exists (200), false if not (404)
     * @throws WebPubSubServiceException (completing the stage) if the call fails otherwise
     */
    CompletionStage<Boolean> connectionExists(String connectionId);

    /**
     * Whether a group has at least one connection.
     *
     * @param group the group
     * @return true (200) or false (404)
     * @throws WebPubSubServiceException (completing the stage) if the call fails otherwise
     */
    CompletionStage<Boolean> groupExists(String group);

    /**
     * Whether a user has at least one connection.
     *
     * @param userId the user
     * @return true (200) or false (404)
     * @throws WebPubSubServiceException (completing the stage) if the call fails otherwise
     */
    CompletionStage<Boolean> userExists(String userId);

    /**
     * Grants a connection a permission for a group.
     *
     * @param permission the permission
     * @param connectionId the connection
     * @param targetName the group the permission is for (the service's {@code targetName}); null leaves it out
     * @return a stage that completes when the service has accepted the request
     * @throws WebPubSubNotFoundException (completing the stage) if the connection does not exist
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    CompletionStage<Void> grantPermission(Permission permission, String connectionId, String targetName);

    /**
     * Revokes a permission of a connection (no error if it did not have it).
     *
     * @param permission the permission
     * @param connectionId the connection
     * @param targetName the group the permission is for; null leaves it out
     * @return a stage that completes when the service has accepted the request
     * @throws WebPubSubServiceException (completing the stage) if the call fails
     */
    CompletionStage<Void> revokePermission(Permission permission, String connectionId, String targetName);

    /**
     * Whether a connection has a permission for a group.
     *
     * @param permission the permission
     * @param connectionId the connection
     * @param targetName the group the permission is for; null leaves it out
     * @return true (200) or false (404: no permission or no such connection)
     * @throws WebPubSubServiceException (completing the stage) if the call fails otherwise
     */
    CompletionStage<Boolean> checkPermission(Permission permission, String connectionId, String targetName);

    /**
     * The connections in a group (api-version 2024-12-01) as a publisher that fetches a page when the subscriber's
     * demand needs it. Each subscription lists afresh; a failure is signalled with {@code onError}.
     *
     * @param group the group
     * @param options page size and total limit
     * @return the connections, in service order
     */
    Flow.Publisher<GroupMember> listConnectionsInGroup(String group, ListConnectionsOptions options);

    /**
     * Whether the service answers its health probe ({@code HEAD /api/health}), without retries.
     *
     * @return completes with true if it answered 200; false for an error status or no answer
     */
    CompletionStage<Boolean> isServiceHealthy();

    /**
     * A client access URL and token. With an access key the token is signed locally (no network call); with
     * Entra ID it is requested from the service ({@code :generateToken}).
     *
     * @param options user, roles, groups, expiry, protocol
     * @return the base URL, token and full URL
     * @throws WebPubSubServiceException (completing the stage) if the service call (Entra ID mode) fails
     */
    CompletionStage<ClientAccess> getClientAccess(ClientAccessOptions options);

    /**
     * Releases the HTTP connections of a client built with {@link WebPubSubClientBuilder}; the client cannot be
     * used afterwards. Injected clients and those from {@link WebPubSubClients} belong to the container, which
     * releases them at shutdown: for them this method does nothing.
     */
    @Override
    void close();
}
