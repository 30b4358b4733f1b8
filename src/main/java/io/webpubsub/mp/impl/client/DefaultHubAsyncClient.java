package io.webpubsub.mp.impl.client;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import io.webpubsub.mp.WebPubSubHubAsyncClient;
import io.webpubsub.mp.impl.http.RequestExecutor;
import io.webpubsub.mp.models.ClientAccess;
import io.webpubsub.mp.models.ClientAccessOptions;
import io.webpubsub.mp.models.CloseOptions;
import io.webpubsub.mp.models.Filter;
import io.webpubsub.mp.models.GroupMember;
import io.webpubsub.mp.models.ListConnectionsOptions;
import io.webpubsub.mp.models.Message;
import io.webpubsub.mp.models.Permission;
import io.webpubsub.mp.models.SendOptions;

/** Runs each operation on the executor. */
public final class DefaultHubAsyncClient extends HubClientBase implements WebPubSubHubAsyncClient {

    /**
     * @param ops the operations
     * @param executor runs them
     * @param closer what {@link #close()} does
     */
    public DefaultHubAsyncClient(HubOperations ops, RequestExecutor executor, Runnable closer) {
        super(ops, executor, closer);
    }

    @Override
    public CompletionStage<Void> sendToAll(Message message, SendOptions options) {
        return executor.executeAsync(ops.sendToAll(message, options));
    }

    @Override
    public CompletionStage<Void> sendToGroup(String group, Message message, SendOptions options) {
        return executor.executeAsync(ops.sendToGroup(group, message, options));
    }

    @Override
    public CompletionStage<Void> sendToUser(String userId, Message message, SendOptions options) {
        return executor.executeAsync(ops.sendToUser(userId, message, options));
    }

    @Override
    public CompletionStage<Void> sendToConnection(String connectionId, Message message, SendOptions options) {
        return executor.executeAsync(ops.sendToConnection(connectionId, message, options));
    }

    @Override
    public CompletionStage<Void> addConnectionToGroup(String group, String connectionId) {
        return executor.executeAsync(ops.addConnectionToGroup(group, connectionId));
    }

    @Override
    public CompletionStage<Void> removeConnectionFromGroup(String group, String connectionId) {
        return executor.executeAsync(ops.removeConnectionFromGroup(group, connectionId));
    }

    @Override
    public CompletionStage<Void> removeConnectionFromAllGroups(String connectionId) {
        return executor.executeAsync(ops.removeConnectionFromAllGroups(connectionId));
    }

    @Override
    public CompletionStage<Void> addUserToGroup(String group, String userId) {
        return executor.executeAsync(ops.addUserToGroup(group, userId));
    }

    @Override
    public CompletionStage<Void> removeUserFromGroup(String group, String userId) {
        return executor.executeAsync(ops.removeUserFromGroup(group, userId));
    }

    @Override
    public CompletionStage<Void> removeUserFromAllGroups(String userId) {
        return executor.executeAsync(ops.removeUserFromAllGroups(userId));
    }

    @Override
    public CompletionStage<Void> addConnectionsToGroups(List<String> groups, Filter filter) {
        return executor.executeAsync(ops.addConnectionsToGroups(groups, filter));
    }

    @Override
    public CompletionStage<Void> removeConnectionsFromGroups(List<String> groups, Filter filter) {
        return executor.executeAsync(ops.removeConnectionsFromGroups(groups, filter));
    }

    @Override
    public CompletionStage<Void> closeConnection(String connectionId, CloseOptions options) {
        return executor.executeAsync(ops.closeConnection(connectionId, options));
    }

    @Override
    public CompletionStage<Void> closeAllConnections(CloseOptions options) {
        return executor.executeAsync(ops.closeAllConnections(options));
    }

    @Override
    public CompletionStage<Void> closeGroupConnections(String group, CloseOptions options) {
        return executor.executeAsync(ops.closeGroupConnections(group, options));
    }

    @Override
    public CompletionStage<Void> closeUserConnections(String userId, CloseOptions options) {
        return executor.executeAsync(ops.closeUserConnections(userId, options));
    }

    @Override
    public CompletionStage<Boolean> connectionExists(String connectionId) {
        return executor.executeAsync(ops.connectionExists(connectionId));
    }

    @Override
    public CompletionStage<Boolean> groupExists(String group) {
        return executor.executeAsync(ops.groupExists(group));
    }

    @Override
    public CompletionStage<Boolean> userExists(String userId) {
        return executor.executeAsync(ops.userExists(userId));
    }

    @Override
    public CompletionStage<Void> grantPermission(Permission permission, String connectionId, String targetName) {
        return executor.executeAsync(ops.grantPermission(permission, connectionId, targetName));
    }

    @Override
    public CompletionStage<Void> revokePermission(Permission permission, String connectionId, String targetName) {
        return executor.executeAsync(ops.revokePermission(permission, connectionId, targetName));
    }

    @Override
    public CompletionStage<Boolean> checkPermission(Permission permission, String connectionId, String targetName) {
        return executor.executeAsync(ops.checkPermission(permission, connectionId, targetName));
    }

    @Override
    public Flow.Publisher<GroupMember> listConnectionsInGroup(String group, ListConnectionsOptions options) {
        return Paging.publisher(ops, executor, group, options);
    }

    @Override
    public CompletionStage<Boolean> isServiceHealthy() {
        return executor.executeAsync(ops.isServiceHealthy());
    }

    @Override
    public CompletionStage<ClientAccess> getClientAccess(ClientAccessOptions options) {
        return executor.executeAsync(ops.clientAccess(options));
    }

    @Override
    public String toString() {
        return "WebPubSubHubAsyncClient[hub=" + ops.hub() + "]";
    }
}
