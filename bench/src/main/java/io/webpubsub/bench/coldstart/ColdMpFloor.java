package io.webpubsub.bench.coldstart;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Fresh JVM, the floor of any client built on the MicroProfile REST Client of the reference runtime: a one-method
 * interface built with {@code RestClientBuilder} posts the same request with a token computed by the parent; no
 * CDI container, no config, no token minting. Args: endpoint hub authorization.
 */
public final class ColdMpFloor {
    private ColdMpFloor() {
    }

    /** The one operation. */
    @Path("/api/hubs")
    public interface SendApi {
        /** sendToGroup with a text body. */
        @POST
        @Path("{hub}/groups/{group}/:send")
        @Consumes("text/plain")
        Response send(@PathParam("hub") String hub, @PathParam("group") String group,
                @QueryParam("api-version") String apiVersion, @HeaderParam("Authorization") String authorization,
                String body);
    }

    public static void main(String[] args) {
        ColdReport report = new ColdReport();
        SendApi api = RestClientBuilder.newBuilder().baseUri(URI.create(args[0])).build(SendApi.class);
        report.ready();
        try (Response r = api.send(args[1], "room-1", "2024-12-01", args[2], "hello")) {
            if (r.getStatus() != 202) {
                throw new IllegalStateException("status " + r.getStatus());
            }
        }
        report.first202();
    }
}
