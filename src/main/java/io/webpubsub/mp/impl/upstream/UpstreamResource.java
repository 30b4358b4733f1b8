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

    @OPTIONS
    public Response validate(@Context HttpHeaders headers) {
        return toResponse(dispatcher.validate(null, headers(headers)));
    }

    @OPTIONS
    @Path("hubs/{hub}")
    public Response validate(@PathParam("hub") String hub, @Context HttpHeaders headers) {
        return toResponse(dispatcher.validate(hub, headers(headers)));
    }

    @OPTIONS
    @Path("hubs/{hub}/{event}")
    public Response validateEvent(@PathParam("hub") String hub, @Context HttpHeaders headers) {
        return validate(hub, headers);
    }

    @POST
    public Response event(@Context HttpHeaders headers, InputStream body) {
        return toResponse(dispatcher.event(null, headers(headers), body));
    }

    @POST
    @Path("hubs/{hub}")
    public Response event(@PathParam("hub") String hub, @Context HttpHeaders headers, InputStream body) {
        return toResponse(dispatcher.event(hub, headers(headers), body));
    }

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
