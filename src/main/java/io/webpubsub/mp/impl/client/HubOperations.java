package io.webpubsub.mp.impl.client;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import io.webpubsub.mp.WebPubSubNotFoundException;
import io.webpubsub.mp.WebPubSubServiceException;
import io.webpubsub.mp.impl.http.AsyncRestApi;
import io.webpubsub.mp.impl.http.Call;
import io.webpubsub.mp.impl.http.NextPageApi;
import io.webpubsub.mp.impl.http.RequestExecutor;
import io.webpubsub.mp.models.ClientAccess;
import io.webpubsub.mp.models.ClientAccessOptions;
import io.webpubsub.mp.models.CloseOptions;
import io.webpubsub.mp.models.Filter;
import io.webpubsub.mp.models.Message;
import io.webpubsub.mp.models.Permission;
import io.webpubsub.mp.models.SendOptions;
import io.webpubsub.mp.rest.GroupMemberPagedValues;
import io.webpubsub.mp.rest.GroupsRequest;
import io.webpubsub.mp.rest.PathSegments;
import io.webpubsub.mp.rest.WebPubSubRestApi;

/**
 * Every hub operation as a checked, ready-to-run {@link Call}; the sync and async clients only choose how to run
 * it. Arguments are checked here, when the operation is called, before anything is sent.
 */
public final class HubOperations {

    private final WebPubSubRestApi api;
    private final Supplier<AsyncRestApi> asyncApi;
    private final String hub;
    private final String version;
    private final String endpoint;
    private final ClientTokens clientTokens;
    private final Supplier<NextPageApi> nextPages;

    /**
     * @param api the REST client
     * @param asyncApi its asynchronous twin, created on first use
     * @param nextPages the REST client of further pages of a listing, created on first use
     * @param hub the hub
     * @param version the api-version
     * @param endpoint the service endpoint, for request lines in errors and to resolve relative next links
     * @param clientTokens mints client access tokens
     */
    public HubOperations(WebPubSubRestApi api, Supplier<AsyncRestApi> asyncApi, Supplier<NextPageApi> nextPages,
            String hub, String version, String endpoint, ClientTokens clientTokens) {
        this.api = api;
        this.asyncApi = asyncApi;
        this.nextPages = nextPages;
        this.hub = hub;
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
        return send("sendToAll", hub, nullIfEmpty(options.getExcluded()), version, message.contentType(),
                message.body(), filter(options), ttl(options));
    }

    Call<Void> sendToGroup(String group, Message message, SendOptions options) {
        Checks.group(group, "group");
        Checks.notNull(message, "message");
        Checks.notNull(options, "options");
        return send("sendToGroup", hub, group, nullIfEmpty(options.getExcluded()), version, message.contentType(),
                message.body(), filter(options), ttl(options));
    }

    Call<Void> sendToUser(String userId, Message message, SendOptions options) {
        Checks.id(userId, "userId");
        Checks.notNull(message, "message");
        unsupported(!Checks.notNull(options, "options").getExcluded().isEmpty(), "sendToUser", "excluded");
        return send("sendToUser", hub, userId, version, message.contentType(), message.body(), filter(options),
                ttl(options));
    }

    Call<Void> sendToConnection(String connectionId, Message message, SendOptions options) {
        Checks.id(connectionId, "connectionId");
        Checks.notNull(message, "message");
        Checks.notNull(options, "options");
        unsupported(!options.getExcluded().isEmpty(), "sendToConnection", "excluded");
        unsupported(options.getFilter().isPresent(), "sendToConnection", "filter");
        return send("sendToConnection", hub, connectionId, version, message.contentType(), message.body(),
                ttl(options));
    }

    Call<Void> addConnectionToGroup(String group, String connectionId) {
        Checks.group(group, "group");
        Checks.id(connectionId, "connectionId");
        return run("addConnectionToGroup", hub, group, connectionId, version);
    }

    Call<Void> removeConnectionFromGroup(String group, String connectionId) {
        Checks.group(group, "group");
        Checks.id(connectionId, "connectionId");
        return run("removeConnectionFromGroup", hub, group, connectionId, version);
    }

    Call<Void> removeConnectionFromAllGroups(String connectionId) {
        Checks.id(connectionId, "connectionId");
        return run("removeConnectionFromAllGroups", hub, connectionId, version);
    }

    Call<Void> addUserToGroup(String group, String userId) {
        Checks.group(group, "group");
        Checks.id(userId, "userId");
        return run("addUserToGroup", hub, group, userId, version);
    }

    Call<Void> removeUserFromGroup(String group, String userId) {
        Checks.group(group, "group");
        Checks.id(userId, "userId");
        return run("removeUserFromGroup", hub, group, userId, version);
    }

    Call<Void> removeUserFromAllGroups(String userId) {
        Checks.id(userId, "userId");
        return run("removeUserFromAllGroups", hub, userId, version);
    }

    Call<Void> addConnectionsToGroups(List<String> groups, Filter filter) {
        return run("addConnectionsToGroups", hub, version, groupsRequest(groups, filter));
    }

    Call<Void> removeConnectionsFromGroups(List<String> groups, Filter filter) {
        return run("removeConnectionsFromGroups", hub, version, groupsRequest(groups, filter));
    }

    Call<Void> closeConnection(String connectionId, CloseOptions options) {
        Checks.id(connectionId, "connectionId");
        unsupported(!Checks.notNull(options, "options").getExcluded().isEmpty(), "closeConnection", "excluded");
        return run("closeConnection", hub, connectionId, options.getReason().orElse(null), version);
    }

    Call<Void> closeAllConnections(CloseOptions options) {
        Checks.notNull(options, "options");
        return run("closeAllConnections", hub, nullIfEmpty(options.getExcluded()), options.getReason().orElse(null),
                version);
    }

    Call<Void> closeGroupConnections(String group, CloseOptions options) {
        Checks.group(group, "group");
        Checks.notNull(options, "options");
        return run("closeGroupConnections", hub, group, nullIfEmpty(options.getExcluded()),
                options.getReason().orElse(null), version);
    }

    Call<Void> closeUserConnections(String userId, CloseOptions options) {
        Checks.id(userId, "userId");
        Checks.notNull(options, "options");
        return run("closeUserConnections", hub, userId, nullIfEmpty(options.getExcluded()),
                options.getReason().orElse(null), version);
    }

    Call<Boolean> connectionExists(String connectionId) {
        Checks.id(connectionId, "connectionId");
        return exists("connectionExists", hub, connectionId, version);
    }

    Call<Boolean> groupExists(String group) {
        Checks.group(group, "group");
        return exists("groupExists", hub, group, version);
    }

    Call<Boolean> userExists(String userId) {
        Checks.id(userId, "userId");
        return exists("userExists", hub, userId, version);
    }

    Call<Void> grantPermission(Permission permission, String connectionId, String targetName) {
        checkPermissionArgs(permission, connectionId, targetName);
        return run("grantPermission", hub, permission.value(), connectionId, targetName, version);
    }

    Call<Void> revokePermission(Permission permission, String connectionId, String targetName) {
        checkPermissionArgs(permission, connectionId, targetName);
        return run("revokePermission", hub, permission.value(), connectionId, targetName, version);
    }

    Call<Boolean> checkPermission(Permission permission, String connectionId, String targetName) {
        checkPermissionArgs(permission, connectionId, targetName);
        return exists("checkPermission", hub, permission.value(), connectionId, targetName, version);
    }

    Call<GroupMembersPage> listConnectionsPage(String group, GroupMembersPage.Request page) {
        Checks.group(group, "group");
        if (page.nextLink() != null) {
            return new Call<>("listConnectionsInGroup", "GET " + page.nextLink(), false,
                    () -> GroupMembersPage.of(nextPages.get().page(page.nextLink()), endpoint, version));
        }
        Object[] args = {hub, group, page.maxPageSize(), page.top(), null, version};
        Route route = Route.of("listConnectionsInGroup");
        Object[] wire = route.wire(args);
        return new Call<>("listConnectionsInGroup", () -> route.line(endpoint, args), false,
                () -> GroupMembersPage.of((GroupMemberPagedValues) route.invoke(api, wire), endpoint, version), null);
    }

    Call<Boolean> isServiceHealthy() {
        String line = Route.of("getServiceStatus").line(endpoint, new Object[] {version});
        return new Call<>("isServiceHealthy", line, false, () -> {
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

    private static void checkPermissionArgs(Permission permission, String connectionId, String targetName) {
        Checks.notNull(permission, "permission");
        Checks.id(connectionId, "connectionId");
        if (targetName != null) {
            Checks.group(targetName, "targetName");
        }
    }

    private GroupsRequest groupsRequest(List<String> groups, Filter filter) {
        GroupsRequest body = new GroupsRequest();
        body.setGroups(Checks.groups(groups));
        body.setFilter(filter == null ? null : filter.toString());
        return body;
    }

    private Call<Void> send(String operation, Object... args) {
        return call(operation, true, args);
    }

    private Call<Void> run(String operation, Object... args) {
        return call(operation, false, args);
    }

    private Call<Void> call(String operation, boolean send, Object[] args) {
        Route route = Route.of(operation);
        Object[] wire = route.wire(args);
        return new Call<>(operation, () -> route.line(endpoint, args), send, () -> {
            route.invoke(api, wire);
            return null;
        }, () -> route.invokeAsync(asyncApi.get(), wire));
    }

    /** A HEAD request whose 404 means "no". */
    private Call<Boolean> exists(String operation, Object... args) {
        Route route = Route.of(operation);
        Object[] wire = route.wire(args);
        return new Call<>(operation, () -> route.line(endpoint, args), false, () -> {
            try {
                route.invoke(api, wire);
                return true;
            } catch (WebPubSubNotFoundException e) {
                return false;
            }
        }, () -> route.invokeAsync(asyncApi.get(), wire).handle((none, failure) -> {
            if (failure == null) {
                return true;
            }
            if (RequestExecutor.unwrap(failure) instanceof WebPubSubNotFoundException) {
                return false;
            }
            throw failure instanceof CompletionException c ? c : new CompletionException(failure);
        }));
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

    /** The value for a path parameter of the REST client. */
    static String esc(String segment) {
        return PathSegments.slashSafe(segment);
    }

    /** The value as percent-encoded in the URL, for request lines in errors. */
    static String pathText(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

}
