package io.webpubsub.mp.impl.client;

import java.util.List;
import java.util.stream.Stream;

import io.webpubsub.mp.WebPubSubHubClient;
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

/** Runs each operation on the calling thread. */
public final class DefaultHubClient extends HubClientBase implements WebPubSubHubClient {

    /**
     * @param ops the operations
     * @param executor runs them
     * @param closer what {@link #close()} does
     */
    public DefaultHubClient(HubOperations ops, RequestExecutor executor, Runnable closer) {
        super(ops, executor, closer);
    }

    @Override
    public void sendToAll(Message message, SendOptions options) {
        executor.execute(ops.sendToAll(message, options));
    }

    @Override
    public void sendToGroup(String group, Message message, SendOptions options) {
        executor.execute(ops.sendToGroup(group, message, options));
    }

    @Override
    public void sendToUser(String userId, Message message, SendOptions options) {
        executor.execute(ops.sendToUser(userId, message, options));
    }

    @Override
    public void sendToConnection(String connectionId, Message message, SendOptions options) {
        executor.execute(ops.sendToConnection(connectionId, message, options));
    }

    @Override
    public void addConnectionToGroup(String group, String connectionId) {
        executor.execute(ops.addConnectionToGroup(group, connectionId));
    }

    @Override
    public void removeConnectionFromGroup(String group, String connectionId) {
        executor.execute(ops.removeConnectionFromGroup(group, connectionId));
    }

    @Override
    public void removeConnectionFromAllGroups(String connectionId) {
        executor.execute(ops.removeConnectionFromAllGroups(connectionId));
    }

    @Override
    public void addUserToGroup(String group, String userId) {
        executor.execute(ops.addUserToGroup(group, userId));
    }

    @Override
    public void removeUserFromGroup(String group, String userId) {
        executor.execute(ops.removeUserFromGroup(group, userId));
    }

    @Override
    public void removeUserFromAllGroups(String userId) {
        executor.execute(ops.removeUserFromAllGroups(userId));
    }

    @Override
    public void addConnectionsToGroups(List<String> groups, Filter filter) {
        executor.execute(ops.addConnectionsToGroups(groups, filter));
    }

    @Override
    public void removeConnectionsFromGroups(List<String> groups, Filter filter) {
        executor.execute(ops.removeConnectionsFromGroups(groups, filter));
    }

    @Override
    public void closeConnection(String connectionId, CloseOptions options) {
        executor.execute(ops.closeConnection(connectionId, options));
    }

    @Override
    public void closeAllConnections(CloseOptions options) {
        executor.execute(ops.closeAllConnections(options));
    }

    @Override
    public void closeGroupConnections(String group, CloseOptions options) {
        executor.execute(ops.closeGroupConnections(group, options));
    }

    @Override
    public void closeUserConnections(String userId, CloseOptions options) {
        executor.execute(ops.closeUserConnections(userId, options));
    }

    @Override
    public boolean connectionExists(String connectionId) {
        return executor.execute(ops.connectionExists(connectionId));
    }

    @Override
    public boolean groupExists(String group) {
        return executor.execute(ops.groupExists(group));
    }

    @Override
    public boolean userExists(String userId) {
        return executor.execute(ops.userExists(userId));
    }

    @Override
    public void grantPermission(Permission permission, String connectionId, String targetName) {
        executor.execute(ops.grantPermission(permission, connectionId, targetName));
    }

    @Override
    public void revokePermission(Permission permission, String connectionId, String targetName) {
        executor.execute(ops.revokePermission(permission, connectionId, targetName));
    }

    @Override
    public boolean checkPermission(Permission permission, String connectionId, String targetName) {
        return executor.execute(ops.checkPermission(permission, connectionId, targetName));
    }

    @Override
    public Stream<GroupMember> listConnectionsInGroup(String group, ListConnectionsOptions options) {
        return Paging.stream(ops, executor, group, options);
    }

    @Override
    public boolean isServiceHealthy() {
        return executor.execute(ops.isServiceHealthy());
    }

    @Override
    public ClientAccess getClientAccess(ClientAccessOptions options) {
        return executor.execute(ops.clientAccess(options));
    }

    @Override
    public String toString() {
        return "WebPubSubHubClient[hub=" + ops.hub() + "]";
    }
}
