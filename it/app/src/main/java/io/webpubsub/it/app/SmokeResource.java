package io.webpubsub.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Container plumbing check: CDI injection, MicroProfile Config and JAX-RS all work in the deployment. */
@ApplicationScoped
@Path("smoke")
public class SmokeResource {

    @Inject
    @ConfigProperty(name = "it.smoke.greeting")
    String greeting;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String greet() {
        return greeting;
    }
}
