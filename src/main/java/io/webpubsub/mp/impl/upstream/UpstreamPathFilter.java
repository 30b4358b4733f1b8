package io.webpubsub.mp.impl.upstream;

import java.net.URI;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;

/**
 * Serves the endpoint at {@code azure.webpubsub.upstream.path}: Jakarta REST paths are fixed at compile time, so
 * this pre-matching filter rewrites requests under the configured path to the resource's fixed path, and answers
 * 404 under the fixed path when another one is configured. It does nothing when the default is kept.
 *
 * <p>{@code @Dependent}, not {@code @ApplicationScoped}: Jakarta REST runtimes keep one provider instance anyway,
 * and a client proxy would hide {@code @PreMatching} from runtimes that read annotations off the instance's class.
 */
@Dependent
@Provider
@PreMatching
public class UpstreamPathFilter implements ContainerRequestFilter {

    @Inject
    UpstreamConfiguration configuration;

    /**
     * Rewrites or refuses the request; leaves every other request alone.
     *
     * @param request the request before resource matching
     */
    @Override
    public void filter(ContainerRequestContext request) {
        String configured = configuration.path();
        if (configured.equals(UpstreamConfiguration.DEFAULT_PATH)) {
            return;
        }
        UriInfo uri = request.getUriInfo();
        URI requested = uri.getRequestUri();
        URI base = uri.getBaseUri().toString().endsWith("/") ? uri.getBaseUri() : URI.create(uri.getBaseUri() + "/");
        // raw paths from the URIs: Quarkus REST does not support UriInfo.getPath(false)
        String root = base.getRawPath() == null ? "/" : base.getRawPath();
        String raw = requested.getRawPath() == null ? "" : requested.getRawPath();
        if (!raw.startsWith(root)) {
            return;
        }
        String path = raw.substring(root.length());
        if (under(path, configured)) {
            String target = UpstreamConfiguration.DEFAULT_PATH + path.substring(configured.length());
            String query = requested.getRawQuery();
            request.setRequestUri(base, base.resolve(target + (query == null ? "" : "?" + query)));
        } else if (under(path, UpstreamConfiguration.DEFAULT_PATH)) {
            request.abortWith(Response.status(404).build());
        }
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
