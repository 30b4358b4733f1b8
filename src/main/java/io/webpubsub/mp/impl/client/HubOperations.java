package io.webpubsub.mp.impl.client;

import java.util.List;
import java.util.function.Supplier;

import io.webpubsub.mp.WebPubSubNotFoundException;
import io.webpubsub.mp.WebPubSubServiceException;
import io.webpubsub.mp.impl.http.Call;
import io.webpubsub.mp.impl.http.NextPageApi;
import io.webpubsub.mp.models.ClientAccess;
import io.webpubsub.mp.models.ClientAccessOptions;
import io.webpubsub.mp.models.CloseOptions;
import io.webpubsub.mp.models.Filter;
import io.webpubsub.mp.models.Message;
import io.webpubsub.mp.models.Permission;
import io.webpubsub.mp.models.SendOptions;
import io.webpubsub.mp.rest.GroupsRequest;
import io.webpubsub.mp.rest.PathSegments;
import io.webpubsub.mp.rest.WebPubSubRestApi;

/**
 * Every hub operation as a checked, ready-to-run {@link Call}; the sync and async clients only choose how to run
 * it. Arguments are checked here, when the operation is called, before anything is sent.
 */
public final class HubOperations {

    private final WebPubSubRestApi api;
    private final String hub;
    private final String hubSegment;
    private final String version;
    private final String endpoint;
    private final ClientTokens clientTokens;
    private final Supplier<NextPageApi> nextPages;

    /**
     * @param api the REST client
     * @param nextPages the REST client of further pages of a listing, created on first use
     * @param hub the hub
     * @param version the api-version
     * @param endpoint the service endpoint, for request lines in errors and to resolve relative next links
     * @param clientTokens mints client access tokens
     */
    public HubOperations(WebPubSubRestApi api, Supplier<NextPageApi> nextPages, String hub, String version,
            String endpoint, ClientTokens clientTokens) {
        this.api = api;
        this.nextPages = nextPages;
        this.hub = hub;
        this.hubSegment = esc(hub);
        this.version = version;
        this.endpoint = endpoint;
        this.clientTokens = clientTokens;
    }

    /** @return the hub name */
    public String hub() {
        return hub;
    }

    Call<Void> sendToAll(Message message, SendOptions options) {
        Checks.notNull(message, "message");
        Checks.notNull(options, "options");
        return send("sendToAll", "/:send", () -> api.sendToAll(hubSegment, nullIfEmpty(options.getExcluded()), version,
                message.contentType(), message.body(), filter(options), ttl(options)));
    }

    Call<Void> sendToGroup(String group, Message message, SendOptions options) {
        Checks.group(group, "group");
        Checks.notNull(message, "message");
        Checks.notNull(options, "options");
        return send("sendToGroup", "/groups/" + pathText(group) + "/:send",
                () -> api.sendToGroup(hubSegment, esc(group),
                nullIfEmpty(options.getExcluded()), version, message.contentType(), message.body(), filter(options),
                ttl(options)));
    }

    Call<Void> sendToUser(String userId, Message message, SendOptions options) {
        Checks.id(userId, "userId");
        Checks.notNull(message, "message");
        unsupported(!Checks.notNull(options, "options").getExcluded().isEmpty(), "sendToUser", "excluded");
        return send("sendToUser", "/users/" + pathText(userId) + "/:send",
                () -> api.sendToUser(hubSegment, esc(userId), version,
                message.contentType(), message.body(), filter(options), ttl(options)));
    }

    Call<Void> sendToConnection(String connectionId, Message message, SendOptions options) {
        Checks.id(connectionId, "connectionId");
        Checks.notNull(message, "message");
        Checks.notNull(options, "options");
        unsupported(!options.getExcluded().isEmpty(), "sendToConnection", "excluded");
        unsupported(options.getFilter().isPresent(), "sendToConnection", "filter");
        return send("sendToConnection", "/connections/" + pathText(connectionId) + "/:send",
                () -> api.sendToConnection(hubSegment, esc(connectionId),
                version, message.contentType(), message.body(), ttl(options)));
    }

    Call<Void> addConnectionToGroup(String group, String connectionId) {
        Checks.group(group, "group");
        Checks.id(connectionId, "connectionId");
        return run("addConnectionToGroup", "PUT",
                "/groups/" + pathText(group) + "/connections/" + pathText(connectionId),
                () -> api.addConnectionToGroup(hubSegment, esc(group), esc(connectionId), version));
    }

    Call<Void> removeConnectionFromGroup(String group, String connectionId) {
        Checks.group(group, "group");
        Checks.id(connectionId, "connectionId");
        return run("removeConnectionFromGroup", "DELETE",
                "/groups/" + pathText(group) + "/connections/" + pathText(connectionId),
                () -> api.removeConnectionFromGroup(hubSegment, esc(group), esc(connectionId), version));
    }

    Call<Void> removeConnectionFromAllGroups(String connectionId) {
        Checks.id(connectionId, "connectionId");
        return run("removeConnectionFromAllGroups", "DELETE", "/connections/" + pathText(connectionId) + "/groups",
                () -> api.removeConnectionFromAllGroups(hubSegment, esc(connectionId), version));
    }

    Call<Void> addUserToGroup(String group, String userId) {
        Checks.group(group, "group");
        Checks.id(userId, "userId");
        return run("addUserToGroup", "PUT", "/users/" + pathText(userId) + "/groups/" + pathText(group),
                () -> api.addUserToGroup(hubSegment, esc(group), esc(userId), version));
    }

    Call<Void> removeUserFromGroup(String group, String userId) {
        Checks.group(group, "group");
        Checks.id(userId, "userId");
        return run("removeUserFromGroup", "DELETE", "/users/" + pathText(userId) + "/groups/" + pathText(group),
                () -> api.removeUserFromGroup(hubSegment, esc(group), esc(userId), version));
    }

    Call<Void> removeUserFromAllGroups(String userId) {
        Checks.id(userId, "userId");
        return run("removeUserFromAllGroups", "DELETE", "/users/" + pathText(userId) + "/groups",
                () -> api.removeUserFromAllGroups(hubSegment, esc(userId), version));
    }

    Call<Void> addConnectionsToGroups(List<String> groups, Filter filter) {
        GroupsRequest body = groupsRequest(groups, filter);
        return run("addConnectionsToGroups", "POST", "/:addToGroups",
                () -> api.addConnectionsToGroups(hubSegment, version, body));
    }

    Call<Void> removeConnectionsFromGroups(List<String> groups, Filter filter) {
        GroupsRequest body = groupsRequest(groups, filter);
        return run("removeConnectionsFromGroups", "POST", "/:removeFromGroups",
                () -> api.removeConnectionsFromGroups(hubSegment, version, body));
    }

    Call<Void> closeConnection(String connectionId, CloseOptions options) {
        Checks.id(connectionId, "connectionId");
        unsupported(!Checks.notNull(options, "options").getExcluded().isEmpty(), "closeConnection", "excluded");
        return run("closeConnection", "DELETE", "/connections/" + pathText(connectionId),
                () -> api.closeConnection(hubSegment, esc(connectionId), options.getReason().orElse(null), version));
    }

    Call<Void> closeAllConnections(CloseOptions options) {
        Checks.notNull(options, "options");
        return run("closeAllConnections", "POST", "/:closeConnections", () -> api.closeAllConnections(hubSegment,
                nullIfEmpty(options.getExcluded()), options.getReason().orElse(null), version));
    }

    Call<Void> closeGroupConnections(String group, CloseOptions options) {
        Checks.group(group, "group");
        Checks.notNull(options, "options");
        return run("closeGroupConnections", "POST", "/groups/" + pathText(group) + "/:closeConnections",
                () -> api.closeGroupConnections(hubSegment,
                esc(group), nullIfEmpty(options.getExcluded()), options.getReason().orElse(null), version));
    }

    Call<Void> closeUserConnections(String userId, CloseOptions options) {
        Checks.id(userId, "userId");
        Checks.notNull(options, "options");
        return run("closeUserConnections", "POST", "/users/" + pathText(userId) + "/:closeConnections",
                () -> api.closeUserConnections(hubSegment,
                esc(userId), nullIfEmpty(options.getExcluded()), options.getReason().orElse(null), version));
    }

    Call<Boolean> connectionExists(String connectionId) {
        Checks.id(connectionId, "connectionId");
        return exists("connectionExists", "/connections/" + pathText(connectionId),
                () -> api.connectionExists(hubSegment, esc(connectionId), version));
    }

    Call<Boolean> groupExists(String group) {
        Checks.group(group, "group");
        return exists("groupExists", "/groups/" + pathText(group),
                () -> api.groupExists(hubSegment, esc(group), version));
    }

    Call<Boolean> userExists(String userId) {
        Checks.id(userId, "userId");
        return exists("userExists", "/users/" + pathText(userId),
                () -> api.userExists(hubSegment, esc(userId), version));
    }

    Call<Void> grantPermission(Permission permission, String connectionId, String targetName) {
        String path = permissionPath(permission, connectionId, targetName);
        return run("grantPermission", "PUT", path,
                () -> api.grantPermission(hubSegment, permission.value(), esc(connectionId), targetName, version));
    }

    Call<Void> revokePermission(Permission permission, String connectionId, String targetName) {
        String path = permissionPath(permission, connectionId, targetName);
        return run("revokePermission", "DELETE", path,
                () -> api.revokePermission(hubSegment, permission.value(), esc(connectionId), targetName, version));
    }

    Call<Boolean> checkPermission(Permission permission, String connectionId, String targetName) {
        String path = permissionPath(permission, connectionId, targetName);
        return exists("checkPermission", path,
                () -> api.checkPermission(hubSegment, permission.value(), esc(connectionId), targetName, version));
    }

    Call<GroupMembersPage> listConnectionsPage(String group, GroupMembersPage.Request page) {
        Checks.group(group, "group");
        if (page.nextLink() != null) {
            return new Call<>("listConnectionsInGroup", "GET " + page.nextLink(), false,
                    () -> GroupMembersPage.of(nextPages.get().page(page.nextLink()), endpoint, version));
        }
        return new Call<>("listConnectionsInGroup", "GET " + hubUrl("/groups/" + pathText(group) + "/connections"),
                false, () -> GroupMembersPage.of(api.listConnectionsInGroup(hubSegment, esc(group),
                        page.maxPageSize(), page.top(), null, version), endpoint, version));
    }

    Call<Boolean> isServiceHealthy() {
        return new Call<>("isServiceHealthy", "HEAD " + endpoint + "/api/health", false, () -> {
            try {
                api.getServiceStatus(version);
                return true;
            } catch (WebPubSubServiceException | jakarta.ws.rs.ProcessingException e) {
                return false;
            }
        });
    }

    Call<ClientAccess> clientAccess(ClientAccessOptions options) {
        Checks.notNull(options, "options");
        options.getGroups().forEach(g -> Checks.group(g, "groups"));
        return clientTokens.clientAccess(options);
    }

    private String permissionPath(Permission permission, String connectionId, String targetName) {
        Checks.notNull(permission, "permission");
        Checks.id(connectionId, "connectionId");
        if (targetName != null) {
            Checks.group(targetName, "targetName");
        }
        return "/permissions/" + permission.value() + "/connections/" + pathText(connectionId);
    }

    private GroupsRequest groupsRequest(List<String> groups, Filter filter) {
        GroupsRequest body = new GroupsRequest();
        body.setGroups(Checks.groups(groups));
        body.setFilter(filter == null ? null : filter.toString());
        return body;
    }

    private Call<Void> send(String operation, String path, Runnable attempt) {
        return new Call<>(operation, "POST " + hubUrl(path), true, () -> {
            attempt.run();
            return null;
        });
    }

    private Call<Void> run(String operation, String method, String path, Runnable attempt) {
        return new Call<>(operation, method + " " + hubUrl(path), false, () -> {
            attempt.run();
            return null;
        });
    }

    private Call<Boolean> exists(String operation, String path, Runnable attempt) {
        return new Call<>(operation, "HEAD " + hubUrl(path), false, () -> {
            try {
                attempt.run();
                return true;
            } catch (WebPubSubNotFoundException e) {
                return false;
            }
        });
    }

    private static void unsupported(boolean set, String operation, String option) {
        if (set) {
            throw new IllegalArgumentException("The option '" + option + "' is not supported by " + operation);
        }
    }

    private static String filter(SendOptions options) {
        return options.getFilter().map(Filter::toString).orElse(null);
    }

    private static Integer ttl(SendOptions options) {
        return options.getMessageTtl().map(d -> (int) d.getSeconds()).orElse(null);
    }

    private static List<String> nullIfEmpty(List<String> values) {
        return values.isEmpty() ? null : values;
    }

    /**
     * The service URL of a path below this hub, for messages.
     *
     * @param path the path after {@code /api/hubs/<hub>}
     * @return the URL
     */
    private String hubUrl(String path) {
        return endpoint + "/api/hubs/" + pathText(hub) + path;
    }

    /** The value for a path parameter of the REST client. */
    static String esc(String segment) {
        return PathSegments.slashSafe(segment);
    }

    /** The value as percent-encoded in the URL, for request lines in errors. */
    static String pathText(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

}
