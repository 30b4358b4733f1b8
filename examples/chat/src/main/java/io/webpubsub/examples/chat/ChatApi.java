package io.webpubsub.examples.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.models.ClientAccess;
import io.webpubsub.mp.models.ClientAccessOptions;
import io.webpubsub.mp.models.Message;

/** The app's own REST API: the browser negotiates its WebSocket URL here; operators post notices. */
@Path("/api")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChatApi {

    /** The browser's request to join a room. */
    public record JoinRequest(String name, String room) {
    }

    /** Where the browser connects, and as whom. */
    public record JoinResponse(String url, String userId, String room, String group) {
    }

    /** An operator's notice to everyone. */
    public record NoticeRequest(String text) {
    }

    /** Why a request was refused. */
    public record Problem(String error) {
    }

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    @WebPubSubHub("chat")
    WebPubSubHubClient chat;

    /**
     * Mints a client access URL for the user in the room: the token names the user, joins the room's group and
     * allows joining and sending to that group only.
     */
    @POST
    @Path("negotiate")
    public Response negotiate(String body) {
        JoinRequest request = read(body, JoinRequest.class);
        if (request == null || !Rooms.validName(request.name()) || !Rooms.validName(request.room())) {
            return badRequest("Name and room must each be 1 to 32 letters, digits, '-' or '_'");
        }
        String group = Rooms.group(request.room());
        ClientAccess access = chat.getClientAccess(new ClientAccessOptions()
                .setUserId(request.name())
                .setGroups(group)
                .setRoles("webpubsub.joinLeaveGroup." + group, "webpubsub.sendToGroup." + group));
        return Response.ok(new JoinResponse(access.url(), request.name(), request.room(), group)).build();
    }

    /** Broadcasts a notice to every connected browser, whatever its room. */
    @POST
    @Path("notices")
    public Response notice(String body) {
        NoticeRequest request = read(body, NoticeRequest.class);
        if (request == null || request.text() == null || request.text().isBlank() || request.text().length() > 500) {
            return badRequest("A notice needs a text of 1 to 500 characters");
        }
        chat.sendToAll(Message.json(new ChatMessages.Notice(request.text().strip())));
        return Response.accepted().build();
    }

    /** Reads a JSON body here rather than in the framework, so that malformed JSON is a 400 with a reason. */
    private static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.fromJson(body, type);
        } catch (JsonbException e) {
            throw new WebApplicationException(badRequest("The request body is not valid JSON"));
        }
    }

    private static Response badRequest(String message) {
        return Response.status(Response.Status.BAD_REQUEST).entity(new Problem(message)).build();
    }
}
