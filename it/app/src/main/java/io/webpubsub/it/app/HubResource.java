package io.webpubsub.it.app;

import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.models.ClientAccessOptions;
import io.webpubsub.mp.models.CloseOptions;
import io.webpubsub.mp.models.Filter;
import io.webpubsub.mp.models.Message;
import io.webpubsub.mp.models.Permission;
import io.webpubsub.mp.models.SendOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The app's own HTTP API, which the scenarios drive: each call does one thing with an injected hub client.
 * Service errors are answered by {@link ServiceErrors}.
 */
@ApplicationScoped
@Path("hubs/{hub}")
@Produces(MediaType.TEXT_PLAIN)
public class HubResource {

    @Inject
    Hubs hubs;

    /**
     * Sends the body to everyone ({@code to} absent), a group ({@code group:g}), a user ({@code user:u}) or a
     * connection ({@code connection:c}). The body's content type picks the message kind: text, JSON (as a
     * {@link Notice} object through JSON-B with {@code object=true}, else as raw JSON text) or binary.
     * {@code excluded} connections and the filter parts {@code userIdNot} and {@code inGroup} become send options.
     */
    @POST
    @Path("send")
    public String send(@PathParam("hub") String hub, @QueryParam("to") String to,
            @QueryParam("object") boolean object, @QueryParam("excluded") List<String> excluded,
            @QueryParam("userIdNot") String userIdNot, @QueryParam("inGroup") String inGroup,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        Message message = message(contentType, object, body);
        SendOptions options = new SendOptions().setExcluded(excluded.toArray(String[]::new));
        filter(userIdNot, inGroup).ifPresent(options::setFilter);
        WebPubSubHubClient client = hubs.get(hub);
        if (to == null) {
            client.sendToAll(message, options);
        } else if (to.startsWith("group:")) {
            client.sendToGroup(to.substring(6), message, options);
        } else if (to.startsWith("user:")) {
            client.sendToUser(to.substring(5), message, options);
        } else if (to.startsWith("connection:")) {
            client.sendToConnection(to.substring(11), message, options);
        } else {
            throw new BadRequestException("unknown target " + to);
        }
        return "sent " + message;
    }

    private static Message message(String contentType, boolean object, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase();
        if (type.startsWith(MediaType.APPLICATION_JSON)) {
            String json = new String(body, StandardCharsets.UTF_8);
            return object ? Message.json(JsonbBuilder.create().fromJson(json, Notice.class)) : Message.rawJson(json);
        }
        if (type.startsWith(MediaType.APPLICATION_OCTET_STREAM)) {
            return Message.binary(body);
        }
        return Message.text(new String(body, StandardCharsets.UTF_8));
    }

    private static java.util.Optional<Filter> filter(String userIdNot, String inGroup) {
        List<Filter> parts = new ArrayList<>();
        if (userIdNot != null) {
            parts.add(Filter.userId().ne(userIdNot));
        }
        if (inGroup != null) {
            parts.add(Filter.inGroup(inGroup));
        }
        return parts.stream().reduce(Filter::and);
    }

    @PUT
    @Path("groups/{group}/connections/{connection}")
    public String addConnection(@PathParam("hub") String hub, @PathParam("group") String group,
            @PathParam("connection") String connection) {
        hubs.get(hub).addConnectionToGroup(group, connection);
        return "added";
    }

    @DELETE
    @Path("groups/{group}/connections/{connection}")
    public String removeConnection(@PathParam("hub") String hub, @PathParam("group") String group,
            @PathParam("connection") String connection) {
        hubs.get(hub).removeConnectionFromGroup(group, connection);
        return "removed";
    }

    @PUT
    @Path("groups/{group}/users/{user}")
    public String addUser(@PathParam("hub") String hub, @PathParam("group") String group,
            @PathParam("user") String user) {
        hubs.get(hub).addUserToGroup(group, user);
        return "added";
    }

    @DELETE
    @Path("groups/{group}/users/{user}")
    public String removeUser(@PathParam("hub") String hub, @PathParam("group") String group,
            @PathParam("user") String user) {
        hubs.get(hub).removeUserFromGroup(group, user);
        return "removed";
    }

    @DELETE
    @Path("connections/{connection}/groups")
    public String removeConnectionFromAll(@PathParam("hub") String hub, @PathParam("connection") String connection) {
        hubs.get(hub).removeConnectionFromAllGroups(connection);
        return "removed";
    }

    @DELETE
    @Path("users/{user}/groups")
    public String removeUserFromAll(@PathParam("hub") String hub, @PathParam("user") String user) {
        hubs.get(hub).removeUserFromAllGroups(user);
        return "removed";
    }

    /** Closes one connection ({@code connection:c}), a group's, a user's, or all, with the reason. */
    @DELETE
    @Path("connections")
    public String close(@PathParam("hub") String hub, @QueryParam("of") String of,
            @QueryParam("reason") String reason, @QueryParam("excluded") List<String> excluded) {
        CloseOptions options = new CloseOptions().setReason(reason).setExcluded(excluded.toArray(String[]::new));
        WebPubSubHubClient client = hubs.get(hub);
        if (of == null) {
            client.closeAllConnections(options);
        } else if (of.startsWith("connection:")) {
            client.closeConnection(of.substring(11), options);
        } else if (of.startsWith("group:")) {
            client.closeGroupConnections(of.substring(6), options);
        } else if (of.startsWith("user:")) {
            client.closeUserConnections(of.substring(5), options);
        } else {
            throw new BadRequestException("unknown target " + of);
        }
        return "closed";
    }

    @GET
    @Path("exists/{kind}/{name}")
    public String exists(@PathParam("hub") String hub, @PathParam("kind") String kind,
            @PathParam("name") String name) {
        WebPubSubHubClient client = hubs.get(hub);
        return String.valueOf(switch (kind) {
            case "connections" -> client.connectionExists(name);
            case "groups" -> client.groupExists(name);
            case "users" -> client.userExists(name);
            default -> throw new BadRequestException("unknown kind " + kind);
        });
    }

    @PUT
    @Path("permissions/{permission}/connections/{connection}")
    public String grant(@PathParam("hub") String hub, @PathParam("permission") String permission,
            @PathParam("connection") String connection, @QueryParam("targetName") String targetName) {
        hubs.get(hub).grantPermission(permission(permission), connection, targetName);
        return "granted";
    }

    @DELETE
    @Path("permissions/{permission}/connections/{connection}")
    public String revoke(@PathParam("hub") String hub, @PathParam("permission") String permission,
            @PathParam("connection") String connection, @QueryParam("targetName") String targetName) {
        hubs.get(hub).revokePermission(permission(permission), connection, targetName);
        return "revoked";
    }

    @GET
    @Path("permissions/{permission}/connections/{connection}")
    public String check(@PathParam("hub") String hub, @PathParam("permission") String permission,
            @PathParam("connection") String connection, @QueryParam("targetName") String targetName) {
        return String.valueOf(hubs.get(hub).checkPermission(permission(permission), connection, targetName));
    }

    private static Permission permission(String value) {
        return Arrays.stream(Permission.values()).filter(p -> p.value().equals(value)).findFirst()
                .orElseThrow(() -> new BadRequestException("unknown permission " + value));
    }

    /** A client access URL for a browser: the user, roles and groups it is minted with. */
    @GET
    @Path("client-access")
    public String clientAccess(@PathParam("hub") String hub, @QueryParam("userId") String userId,
            @QueryParam("role") List<String> roles, @QueryParam("group") List<String> groups) {
        ClientAccessOptions options = new ClientAccessOptions().setUserId(userId)
                .setRoles(roles.toArray(String[]::new)).setGroups(groups.toArray(String[]::new));
        return hubs.get(hub).getClientAccess(options).url();
    }
}
