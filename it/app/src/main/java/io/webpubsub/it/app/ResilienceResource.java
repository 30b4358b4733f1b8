package io.webpubsub.it.app;

import io.webpubsub.mp.WebPubSubServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.function.Function;

/**
 * Drives {@link ResilientSender} for the fault-tolerance scenarios: {@code POST /resilience/{method}} with the text
 * to send answers 200 with the method's result, or {@code failed: <exception class>[ <status>]}.
 */
@ApplicationScoped
@Path("resilience")
public class ResilienceResource {

    @Inject
    ResilientSender sender;

    @POST
    @Path("{method}")
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.TEXT_PLAIN)
    public String send(@PathParam("method") String method, String text) {
        Map<String, Function<String, String>> methods = Map.of("retried", sender::retried, "timed", sender::timed,
                "timedAsync", t -> sender.timedAsync(t).toCompletableFuture().join(), "guarded", sender::guarded,
                "withFallback", sender::withFallback, "recommended", sender::recommended);
        Function<String, String> call = methods.get(method);
        if (call == null) {
            throw new jakarta.ws.rs.NotFoundException("no method " + method);
        }
        try {
            return call.apply(text);
        } catch (RuntimeException thrown) {
            Throwable e = thrown instanceof java.util.concurrent.CompletionException && thrown.getCause() != null
                    ? thrown.getCause() : thrown;
            return "failed: " + e.getClass().getSimpleName()
                    + (e instanceof WebPubSubServiceException s ? " " + s.getStatusCode() : "");
        }
    }
}
