package io.webpubsub.it.app;

import io.webpubsub.mp.WebPubSubServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a service error with the service's status and the library's message, so scenarios can see both. */
@Provider
@ApplicationScoped
public class ServiceErrors implements ExceptionMapper<WebPubSubServiceException> {

    @Override
    public Response toResponse(WebPubSubServiceException e) {
        return Response.status(e.getStatusCode()).type(MediaType.TEXT_PLAIN)
                .entity(e.getClass().getSimpleName() + ": " + e.getMessage()).build();
    }
}
