package io.webpubsub.mp.impl.http;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.webpubsub.mp.rest.GroupsRequest;
import io.webpubsub.mp.rest.Routes;

/**
 * The asynchronous twin of {@link io.webpubsub.mp.rest.WebPubSubRestApi} for the operations without a response
 * body: the same methods (name, HTTP method, {@link Routes route}, parameters) returning a {@link CompletionStage},
 * which a non-blocking REST client (Quarkus) carries without a thread per call and a blocking one runs on the
 * executor its builder was given. The stages hold a {@link Response} (to be closed) rather than {@code Void}, for
 * which RESTEasy looks for a body reader. The interface has no {@code @Path} of its own (each method carries the
 * whole path): servers that scan deployments for root resources (Jersey on Payara) would otherwise see two
 * resources at {@code /api} and refuse the application. A unit test holds the twins equal.
 */
public interface AsyncRestApi extends java.io.Closeable {

    @POST
    @Path(Routes.BASE + Routes.ADD_TO_GROUPS)
    @Consumes(MediaType.APPLICATION_JSON)
    CompletionStage<Response> addConnectionsToGroups(@PathParam("hub") String hub,
            @QueryParam("api-version") String apiVersion,
            GroupsRequest groupsToAdd);

    @POST
    @Path(Routes.BASE + Routes.CLOSE_ALL)
    CompletionStage<Response> closeAllConnections(@PathParam("hub") String hub,
            @QueryParam("excluded") List<String> excluded,
            @QueryParam("reason") String reason, @QueryParam("api-version") String apiVersion);

    @POST
    @Path(Routes.BASE + Routes.REMOVE_FROM_GROUPS)
    @Consumes(MediaType.APPLICATION_JSON)
    CompletionStage<Response> removeConnectionsFromGroups(@PathParam("hub") String hub,
            @QueryParam("api-version") String apiVersion,
            GroupsRequest groupsToRemove);

    @POST
    @Path(Routes.BASE + Routes.SEND_TO_ALL)
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    CompletionStage<Response> sendToAll(@PathParam("hub") String hub, @QueryParam("excluded") List<String> excluded,
            @QueryParam("api-version") String apiVersion, @HeaderParam("Content-Type") String contentType,
            byte[] message, @QueryParam("filter") String filter,
            @QueryParam("messageTtlSeconds") Integer messageTtlSeconds);

    @DELETE
    @Path(Routes.BASE + Routes.CONNECTION)
    CompletionStage<Response> closeConnection(@PathParam("hub") String hub,
            @PathParam("connectionId") String connectionId,
            @QueryParam("reason") String reason, @QueryParam("api-version") String apiVersion);

    @HEAD
    @Path(Routes.BASE + Routes.CONNECTION)
    CompletionStage<Response> connectionExists(@PathParam("hub") String hub,
            @PathParam("connectionId") String connectionId,
            @QueryParam("api-version") String apiVersion);

    @POST
    @Path(Routes.BASE + Routes.SEND_TO_CONNECTION)
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    CompletionStage<Response> sendToConnection(@PathParam("hub") String hub,
            @PathParam("connectionId") String connectionId,
            @QueryParam("api-version") String apiVersion, @HeaderParam("Content-Type") String contentType,
            byte[] message, @QueryParam("messageTtlSeconds") Integer messageTtlSeconds);

    @DELETE
    @Path(Routes.BASE + Routes.CONNECTION_GROUPS)
    CompletionStage<Response> removeConnectionFromAllGroups(@PathParam("hub") String hub,
            @PathParam("connectionId") String connectionId, @QueryParam("api-version") String apiVersion);

    @HEAD
    @Path(Routes.BASE + Routes.GROUP)
    CompletionStage<Response> groupExists(@PathParam("hub") String hub, @PathParam("group") String group,
            @QueryParam("api-version") String apiVersion);

    @POST
    @Path(Routes.BASE + Routes.CLOSE_GROUP)
    CompletionStage<Response> closeGroupConnections(@PathParam("hub") String hub, @PathParam("group") String group,
            @QueryParam("excluded") List<String> excluded, @QueryParam("reason") String reason,
            @QueryParam("api-version") String apiVersion);

    @POST
    @Path(Routes.BASE + Routes.SEND_TO_GROUP)
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    CompletionStage<Response> sendToGroup(@PathParam("hub") String hub, @PathParam("group") String group,
            @QueryParam("excluded") List<String> excluded, @QueryParam("api-version") String apiVersion,
            @HeaderParam("Content-Type") String contentType, byte[] message, @QueryParam("filter") String filter,
            @QueryParam("messageTtlSeconds") Integer messageTtlSeconds);

    @DELETE
    @Path(Routes.BASE + Routes.GROUP_CONNECTION)
    CompletionStage<Response> removeConnectionFromGroup(@PathParam("hub") String hub, @PathParam("group") String group,
            @PathParam("connectionId") String connectionId, @QueryParam("api-version") String apiVersion);

    @PUT
    @Path(Routes.BASE + Routes.GROUP_CONNECTION)
    CompletionStage<Response> addConnectionToGroup(@PathParam("hub") String hub, @PathParam("group") String group,
            @PathParam("connectionId") String connectionId, @QueryParam("api-version") String apiVersion);

    @DELETE
    @Path(Routes.BASE + Routes.PERMISSION)
    CompletionStage<Response> revokePermission(@PathParam("hub") String hub, @PathParam("permission") String permission,
            @PathParam("connectionId") String connectionId, @QueryParam("targetName") String targetName,
            @QueryParam("api-version") String apiVersion);

    @HEAD
    @Path(Routes.BASE + Routes.PERMISSION)
    CompletionStage<Response> checkPermission(@PathParam("hub") String hub, @PathParam("permission") String permission,
            @PathParam("connectionId") String connectionId, @QueryParam("targetName") String targetName,
            @QueryParam("api-version") String apiVersion);

    @PUT
    @Path(Routes.BASE + Routes.PERMISSION)
    CompletionStage<Response> grantPermission(@PathParam("hub") String hub, @PathParam("permission") String permission,
            @PathParam("connectionId") String connectionId, @QueryParam("targetName") String targetName,
            @QueryParam("api-version") String apiVersion);

    @HEAD
    @Path(Routes.BASE + Routes.USER)
    CompletionStage<Response> userExists(@PathParam("hub") String hub, @PathParam("userId") String userId,
            @QueryParam("api-version") String apiVersion);

    @POST
    @Path(Routes.BASE + Routes.CLOSE_USER)
    CompletionStage<Response> closeUserConnections(@PathParam("hub") String hub, @PathParam("userId") String userId,
            @QueryParam("excluded") List<String> excluded, @QueryParam("reason") String reason,
            @QueryParam("api-version") String apiVersion);

    @POST
    @Path(Routes.BASE + Routes.SEND_TO_USER)
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    CompletionStage<Response> sendToUser(@PathParam("hub") String hub, @PathParam("userId") String userId,
            @QueryParam("api-version") String apiVersion, @HeaderParam("Content-Type") String contentType,
            byte[] message, @QueryParam("filter") String filter,
            @QueryParam("messageTtlSeconds") Integer messageTtlSeconds);

    @DELETE
    @Path(Routes.BASE + Routes.USER_GROUPS)
    CompletionStage<Response> removeUserFromAllGroups(@PathParam("hub") String hub, @PathParam("userId") String userId,
            @QueryParam("api-version") String apiVersion);

    @DELETE
    @Path(Routes.BASE + Routes.USER_GROUP)
    CompletionStage<Response> removeUserFromGroup(@PathParam("hub") String hub, @PathParam("group") String group,
            @PathParam("userId") String userId, @QueryParam("api-version") String apiVersion);

    @PUT
    @Path(Routes.BASE + Routes.USER_GROUP)
    CompletionStage<Response> addUserToGroup(@PathParam("hub") String hub, @PathParam("group") String group,
            @PathParam("userId") String userId, @QueryParam("api-version") String apiVersion);
}
