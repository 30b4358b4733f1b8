package io.webpubsub.mp.impl.upstream;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The Jakarta REST endpoint the service calls: {@code <root>/webpubsub}, {@code <root>/webpubsub/hubs/{hub}} and
 * {@code <root>/webpubsub/hubs/{hub}/{event}} (for URL templates with {@code {event}}), where {@code <root>} is
 * the application's Jakarta REST root. {@link UpstreamPathFilter} maps a configured path onto these.
 *
 * <p>Runtimes deploy it without user code because the library jar is a bean archive: Quarkus indexes it and
 * registers every {@code @Path} class; Open Liberty and Payara scan the jars of a web application when its
 * {@code Application} subclass does not list its classes.
 */
@ApplicationScoped
@Path(UpstreamConfiguration.DEFAULT_PATH)
public class UpstreamResource {

    @Inject
    UpstreamDispatcher dispatcher;

    /**
     * The abuse-protection handshake for every hub.
     *
     * @param headers the request headers
     * @return 200 with {@code WebHook-Allowed-Origin}, or the refusal
     */
    @OPTIONS
    public Response validate(@Context HttpHeaders headers) {
        return toResponse(dispatcher.validate(null, headers(headers)));
    }

    /**
     * The abuse-protection handshake for one hub.
     *
     * @param hub the hub in the path
     * @param headers the request headers
     * @return 200 with {@code WebHook-Allowed-Origin}, or the refusal
     */
    @OPTIONS
    @Path("hubs/{hub}")
    public Response validate(@PathParam("hub") String hub, @Context HttpHeaders headers) {
        return toResponse(dispatcher.validate(hub, headers(headers)));
    }

    /**
     * The handshake at a URL template with {@code {event}} (the service sends {@code validate}).
     *
     * @param hub the hub in the path
     * @param headers the request headers
     * @return as {@link #validate(String, HttpHeaders)}
     */
    @OPTIONS
    @Path("hubs/{hub}/{event}")
    public Response validateEvent(@PathParam("hub") String hub, @Context HttpHeaders headers) {
        return validate(hub, headers);
    }

    /**
     * An event; the hub comes from {@code ce-hub}.
     *
     * @param headers the request headers
     * @param body the request body
     * @return the handler's answer, or the refusal
     */
    @POST
    public Response event(@Context HttpHeaders headers, InputStream body) {
        return toResponse(dispatcher.event(null, headers(headers), body));
    }

    /**
     * An event for the hub in the path.
     *
     * @param hub the hub in the path; must match {@code ce-hub}
     * @param headers the request headers
     * @param body the request body
     * @return the handler's answer, or the refusal
     */
    @POST
    @Path("hubs/{hub}")
    public Response event(@PathParam("hub") String hub, @Context HttpHeaders headers, InputStream body) {
        return toResponse(dispatcher.event(hub, headers(headers), body));
    }

    /**
     * An event at a URL template with {@code {event}}; the event comes from {@code ce-type}.
     *
     * @param hub the hub in the path; must match {@code ce-hub}
     * @param headers the request headers
     * @param body the request body
     * @return as {@link #event(String, HttpHeaders, InputStream)}
     */
    @POST
    @Path("hubs/{hub}/{event}")
    public Response eventWithName(@PathParam("hub") String hub, @Context HttpHeaders headers, InputStream body) {
        return event(hub, headers, body);
    }

    private static Map<String, List<String>> headers(HttpHeaders headers) {
        Map<String, List<String>> lowerCase = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> lowerCase
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values));
        return lowerCase;
    }

    private static Response toResponse(UpstreamReply reply) {
        Response.ResponseBuilder builder = Response.status(reply.status());
        if (reply.body() != null) {
            builder.entity(reply.body()).type(reply.contentType());
        }
        reply.headers().forEach(builder::header);
        return builder.build();
    }
}
