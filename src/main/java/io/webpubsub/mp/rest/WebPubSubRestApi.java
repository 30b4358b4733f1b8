package io.webpubsub.mp.rest;

import java.io.Closeable;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The Azure Web PubSub data-plane REST API (api-version 2024-12-01) as a typed MicroProfile REST Client interface:
 * all 25 operations with every parameter, named after their {@code operationId}s.
 *
 * <p>Most applications use {@link io.webpubsub.mp.WebPubSubHubClient} instead, which adds argument checks, retry
 * and convenient types. This interface is for full control over each request. Get an instance, with
 * authentication and error mapping configured, from {@link io.webpubsub.mp.WebPubSubClientBuilder#buildRestApi()}
 * or by injection ({@code @Inject @WebPubSubHub("chat") WebPubSubRestApi api}); the base URI is the service
 * endpoint.
 *
 * <p>Every method takes the {@code api-version} (e.g. {@code "2024-12-01"},
 * {@link io.webpubsub.mp.WebPubSubServiceVersion#getVersion()}). Null query parameters are omitted; list
 * parameters are sent repeated ({@code excluded=a&excluded=b}). The {@code :send} operations label the body with
 * the {@code contentType} argument; when it is null the body is sent as {@code application/octet-stream} (never as
 * JSON by default: the service would deliver binary or text as JSON to clients). Path parameters are
 * percent-encoded by the REST client implementation, except {@code /}, which implementations leave as a path
 * separator: pass values that may
 * contain {@code /} (group names, user ids) through {@link PathSegments#slashSafe(String)}, and the instances the
 * library builds send it as {@code %2F}. Errors
 * (status 400 and above) are thrown as {@link io.webpubsub.mp.WebPubSubServiceException} (404 as
 * {@link io.webpubsub.mp.WebPubSubNotFoundException}, which the HEAD existence checks use for "no"); I/O failures
 * surface as the REST client implementation's {@code jakarta.ws.rs.ProcessingException}. No retry happens at this
 * level. {@link #close()} releases the HTTP connections.
 *
 * @since 0.1.0
 */
@Path(Routes.BASE)
public interface WebPubSubRestApi extends Closeable {

    /**
     * {@code HEAD /api/health}: the service is healthy (200). Sent without {@code Authorization}.
     *
     * @param apiVersion the api-version
     */
    @HEAD
    @Path(Routes.HEALTH)
    void getServiceStatus(@QueryParam("api-version") String apiVersion);

    /**
     * {@code POST /api/hubs/{hub}/:addToGroups}: adds the connections matching a filter to groups (200).
     *
     * @param hub the hub
     * @param apiVersion the api-version
     * @param groupsToAdd the groups and the filter (no filter: every connection of the hub)
     */
    @POST
    @Path(Routes.ADD_TO_GROUPS)
    @Consumes(MediaType.APPLICATION_JSON)
    void addConnectionsToGroups(@PathParam("hub") String hub, @QueryParam("api-version") String apiVersion,
            GroupsRequest groupsToAdd);

    /**
     * {@code POST /api/hubs/{hub}/:closeConnections}: closes every connection of the hub (204).
     *
     * @param hub the hub
     * @param excluded connection ids to keep open, or null
     * @param reason the reason sent to the clients, or null
     * @param apiVersion the api-version
     */
    @POST
    @Path(Routes.CLOSE_ALL)
    void closeAllConnections(@PathParam("hub") String hub, @QueryParam("excluded") List<String> excluded,
            @QueryParam("reason") String reason, @QueryParam("api-version") String apiVersion);

    /**
     * {@code POST /api/hubs/{hub}/:generateToken}: the service signs a client access token (200).
     *
     * @param hub the hub
     * @param userId the user id ({@code sub}), or null
     * @param role the roles, or null
     * @param minutesToExpire the lifetime in minutes (at least 1; service default 60), or null
     * @param apiVersion the api-version
     * @param group the groups joined on connect, or null
     * @param clientType {@code Default} or {@code MQTT}, or null for {@code Default}
     * @return the token
     */
    @POST
    @Path(Routes.GENERATE_TOKEN)
    @Produces(MediaType.APPLICATION_JSON)
    ClientTokenResponse generateClientToken(@PathParam("hub") String hub, @QueryParam("userId") String userId,
            @QueryParam("role") List<String> role, @QueryParam("minutesToExpire") Integer minutesToExpire,
            @QueryParam("api-version") String apiVersion, @QueryParam("group") List<String> group,
            @QueryParam("clientType") String clientType);

    /**
     * {@code POST /api/hubs/{hub}/:removeFromGroups}: removes the connections matching a filter from groups (200).
     *
     * @param hub the hub
     * @param apiVersion the api-version
     * @param groupsToRemove the groups and the filter (no filter: every connection of the hub)
     */
    @POST
    @Path(Routes.REMOVE_FROM_GROUPS)
    @Consumes(MediaType.APPLICATION_JSON)
    void removeConnectionsFromGroups(@PathParam("hub") String hub, @QueryParam("api-version") String apiVersion,
            GroupsRequest groupsToRemove);

    /**
     * {@code POST /api/hubs/{hub}/:send}: sends a message to every connection of the hub (202).
     *
     * @param hub the hub
     * @param excluded connection ids not to send to, or null
     * @param apiVersion the api-version
     * @param contentType {@code text/plain}, {@code application/json} or {@code application/octet-stream};
     *        null sends {@code application/octet-stream}
     * @param message the message body
     * @param filter an OData filter selecting connections, or null
     * @param messageTtlSeconds 0..300, or null
     */
    @POST
    @Path(Routes.SEND_TO_ALL)
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    void sendToAll(@PathParam("hub") String hub, @QueryParam("excluded") List<String> excluded,
            @QueryParam("api-version") String apiVersion, @HeaderParam("Content-Type") String contentType,
            byte[] message, @QueryParam("filter") String filter,
            @QueryParam("messageTtlSeconds") Integer messageTtlSeconds);

    /**
     * {@code DELETE /api/hubs/{hub}/connections/{connectionId}}: closes a connection (204, also if missing).
     *
     * @param hub the hub
     * @param connectionId the connection
     * @param reason the reason sent to the client, or null
     * @param apiVersion the api-version
     */
    @DELETE
    @Path(Routes.CONNECTION)
    void closeConnection(@PathParam("hub") String hub, @PathParam("connectionId") String connectionId,
            @QueryParam("reason") String reason, @QueryParam("api-version") String apiVersion);

    /**
     * {@code HEAD /api/hubs/{hub}/connections/{connectionId}}: 200 if the connection exists, else
     * {@link io.webpubsub.mp.WebPubSubNotFoundException}.
     *
     * @param hub the hub
     * @param connectionId the connection
     * @param apiVersion the api-version
     */
    @HEAD
    @Path(Routes.CONNECTION)
    void connectionExists(@PathParam("hub") String hub, @PathParam("connectionId") String connectionId,
            @QueryParam("api-version") String apiVersion);

    /**
     * {@code POST /api/hubs/{hub}/connections/{connectionId}/:send}: sends a message to one connection (202).
     *
     * @param hub the hub
     * @param connectionId the connection
     * @param apiVersion the api-version
     * @param contentType {@code text/plain}, {@code application/json} or {@code application/octet-stream};
     *        null sends {@code application/octet-stream}
     * @param message the message body
     * @param messageTtlSeconds 0..300, or null
     */
    @POST
    @Path(Routes.SEND_TO_CONNECTION)
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    void sendToConnection(@PathParam("hub") String hub, @PathParam("connectionId") String connectionId,
            @QueryParam("api-version") String apiVersion, @HeaderParam("Content-Type") String contentType,
            byte[] message, @QueryParam("messageTtlSeconds") Integer messageTtlSeconds);

    /**
     * {@code DELETE /api/hubs/{hub}/connections/{connectionId}/groups}: removes a connection from all its groups
     * (204).
     *
     * @param hub the hub
     * @param connectionId the connection
     * @param apiVersion the api-version
     */
    @DELETE
    @Path(Routes.CONNECTION_GROUPS)
    void removeConnectionFromAllGroups(@PathParam("hub") String hub,
            @PathParam("connectionId") String connectionId, @QueryParam("api-version") String apiVersion);

    /**
     * {@code HEAD /api/hubs/{hub}/groups/{group}}: 200 if the group has a connection, else
     * {@link io.webpubsub.mp.WebPubSubNotFoundException}.
     *
     * @param hub the hub
     * @param group the group
     * @param apiVersion the api-version
     */
    @HEAD
    @Path(Routes.GROUP)
    void groupExists(@PathParam("hub") String hub, @PathParam("group") String group,
            @QueryParam("api-version") String apiVersion);

    /**
     * {@code POST /api/hubs/{hub}/groups/{group}/:closeConnections}: closes the connections of a group (204).
     *
     * @param hub the hub
     * @param group the group
     * @param excluded connection ids to keep open, or null
     * @param reason the reason sent to the clients, or null
     * @param apiVersion the api-version
     */
    @POST
    @Path(Routes.CLOSE_GROUP)
    void closeGroupConnections(@PathParam("hub") String hub, @PathParam("group") String group,
            @QueryParam("excluded") List<String> excluded, @QueryParam("reason") String reason,
            @QueryParam("api-version") String apiVersion);

    /**
     * {@code POST /api/hubs/{hub}/groups/{group}/:send}: sends a message to a group (202).
     *
     * @param hub the hub
     * @param group the group
     * @param excluded connection ids not to send to, or null
     * @param apiVersion the api-version
     * @param contentType {@code text/plain}, {@code application/json} or {@code application/octet-stream};
     *        null sends {@code application/octet-stream}
     * @param message the message body
     * @param filter an OData filter selecting connections, or null
     * @param messageTtlSeconds 0..300, or null
     */
    @POST
    @Path(Routes.SEND_TO_GROUP)
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    void sendToGroup(@PathParam("hub") String hub, @PathParam("group") String group,
            @QueryParam("excluded") List<String> excluded, @QueryParam("api-version") String apiVersion,
            @HeaderParam("Content-Type") String contentType, byte[] message, @QueryParam("filter") String filter,
            @QueryParam("messageTtlSeconds") Integer messageTtlSeconds);

    /**
     * {@code GET /api/hubs/{hub}/groups/{group}/connections}: one page of the connections in a group (200).
     *
     * @param hub the hub
     * @param group the group
     * @param maxpagesize the page size 1..200, or null
     * @param top the total limit, or null
     * @param continuationToken the token of the next page (from the previous page's {@code nextLink}), or null
     * @param apiVersion the api-version
     * @return the page
     */
    @GET
    @Path(Routes.GROUP_CONNECTIONS)
    @Produces(MediaType.APPLICATION_JSON)
    GroupMemberPagedValues listConnectionsInGroup(@PathParam("hub") String hub, @PathParam("group") String group,
            @QueryParam("maxpagesize") Integer maxpagesize, @QueryParam("top") Integer top,
            @QueryParam("continuationToken") String continuationToken, @QueryParam("api-version") String apiVersion);

    /**
     * {@code DELETE /api/hubs/{hub}/groups/{group}/connections/{connectionId}}: removes a connection from a group
     * (204).
     *
     * @param hub the hub
     * @param group the group
     * @param connectionId the connection
     * @param apiVersion the api-version
     */
    @DELETE
    @Path(Routes.GROUP_CONNECTION)
    void removeConnectionFromGroup(@PathParam("hub") String hub, @PathParam("group") String group,
            @PathParam("connectionId") String connectionId, @QueryParam("api-version") String apiVersion);

    /**
     * {@code PUT /api/hubs/{hub}/groups/{group}/connections/{connectionId}}: adds a connection to a group (200;
     * 404 if the connection does not exist).
     *
     * @param hub the hub
     * @param group the group
     * @param connectionId the connection
     * @param apiVersion the api-version
     */
    @PUT
    @Path(Routes.GROUP_CONNECTION)
    void addConnectionToGroup(@PathParam("hub") String hub, @PathParam("group") String group,
            @PathParam("connectionId") String connectionId, @QueryParam("api-version") String apiVersion);

    /**
     * {@code DELETE /api/hubs/{hub}/permissions/{permission}/connections/{connectionId}}: revokes a permission
     * (204).
     *
     * @param hub the hub
     * @param permission {@code sendToGroup} or {@code joinLeaveGroup}
     * @param connectionId the connection
     * @param targetName the group the permission is about, or null
     * @param apiVersion the api-version
     */
    @DELETE
    @Path(Routes.PERMISSION)
    void revokePermission(@PathParam("hub") String hub, @PathParam("permission") String permission,
            @PathParam("connectionId") String connectionId, @QueryParam("targetName") String targetName,
            @QueryParam("api-version") String apiVersion);

    /**
     * {@code HEAD /api/hubs/{hub}/permissions/{permission}/connections/{connectionId}}: 200 if the connection has
     * the permission, else {@link io.webpubsub.mp.WebPubSubNotFoundException}.
     *
     * @param hub the hub
     * @param permission {@code sendToGroup} or {@code joinLeaveGroup}
     * @param connectionId the connection
     * @param targetName the group the permission is about, or null
     * @param apiVersion the api-version
     */
    @HEAD
    @Path(Routes.PERMISSION)
    void checkPermission(@PathParam("hub") String hub, @PathParam("permission") String permission,
            @PathParam("connectionId") String connectionId, @QueryParam("targetName") String targetName,
            @QueryParam("api-version") String apiVersion);

    /**
     * {@code PUT /api/hubs/{hub}/permissions/{permission}/connections/{connectionId}}: grants a permission (200).
     *
     * @param hub the hub
     * @param permission {@code sendToGroup} or {@code joinLeaveGroup}
     * @param connectionId the connection
     * @param targetName the group the permission is about, or null
     * @param apiVersion the api-version
     */
    @PUT
    @Path(Routes.PERMISSION)
    void grantPermission(@PathParam("hub") String hub, @PathParam("permission") String permission,
            @PathParam("connectionId") String connectionId, @QueryParam("targetName") String targetName,
            @QueryParam("api-version") String apiVersion);

    /**
     * {@code HEAD /api/hubs/{hub}/users/{userId}}: 200 if the user has a connection, else
     * {@link io.webpubsub.mp.WebPubSubNotFoundException}.
     *
     * @param hub the hub
     * @param userId the user
     * @param apiVersion the api-version
     */
    @HEAD
    @Path(Routes.USER)
    void userExists(@PathParam("hub") String hub, @PathParam("userId") String userId,
            @QueryParam("api-version") String apiVersion);

    /**
     * {@code POST /api/hubs/{hub}/users/{userId}/:closeConnections}: closes the connections of a user (204).
     *
     * @param hub the hub
     * @param userId the user
     * @param excluded connection ids to keep open, or null
     * @param reason the reason sent to the clients, or null
     * @param apiVersion the api-version
     */
    @POST
    @Path(Routes.CLOSE_USER)
    void closeUserConnections(@PathParam("hub") String hub, @PathParam("userId") String userId,
            @QueryParam("excluded") List<String> excluded, @QueryParam("reason") String reason,
            @QueryParam("api-version") String apiVersion);

    /**
     * {@code POST /api/hubs/{hub}/users/{userId}/:send}: sends a message to the connections of a user (202).
     *
     * @param hub the hub
     * @param userId the user
     * @param apiVersion the api-version
     * @param contentType {@code text/plain}, {@code application/json} or {@code application/octet-stream};
     *        null sends {@code application/octet-stream}
     * @param message the message body
     * @param filter an OData filter selecting connections, or null
     * @param messageTtlSeconds 0..300, or null
     */
    @POST
    @Path(Routes.SEND_TO_USER)
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    void sendToUser(@PathParam("hub") String hub, @PathParam("userId") String userId,
            @QueryParam("api-version") String apiVersion, @HeaderParam("Content-Type") String contentType,
            byte[] message, @QueryParam("filter") String filter,
            @QueryParam("messageTtlSeconds") Integer messageTtlSeconds);

    /**
     * {@code DELETE /api/hubs/{hub}/users/{userId}/groups}: removes a user's connections from all groups (204).
     *
     * @param hub the hub
     * @param userId the user
     * @param apiVersion the api-version
     */
    @DELETE
    @Path(Routes.USER_GROUPS)
    void removeUserFromAllGroups(@PathParam("hub") String hub, @PathParam("userId") String userId,
            @QueryParam("api-version") String apiVersion);

    /**
     * {@code DELETE /api/hubs/{hub}/users/{userId}/groups/{group}}: removes a user's connections from a group
     * (204).
     *
     * @param hub the hub
     * @param group the group
     * @param userId the user
     * @param apiVersion the api-version
     */
    @DELETE
    @Path(Routes.USER_GROUP)
    void removeUserFromGroup(@PathParam("hub") String hub, @PathParam("group") String group,
            @PathParam("userId") String userId, @QueryParam("api-version") String apiVersion);

    /**
     * {@code PUT /api/hubs/{hub}/users/{userId}/groups/{group}}: adds a user's current connections to a group
     * (200; 404 if the user has no connection).
     *
     * @param hub the hub
     * @param group the group
     * @param userId the user
     * @param apiVersion the api-version
     */
    @PUT
    @Path(Routes.USER_GROUP)
    void addUserToGroup(@PathParam("hub") String hub, @PathParam("group") String group,
            @PathParam("userId") String userId, @QueryParam("api-version") String apiVersion);
}
