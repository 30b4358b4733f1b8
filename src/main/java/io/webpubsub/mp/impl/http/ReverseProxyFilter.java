package io.webpubsub.mp.impl.http;

import java.net.URI;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * Sends the request to a reverse proxy (e.g. API Management) instead of the service: the service endpoint prefix
 * of the URL is replaced by the proxy endpoint, after the token (whose {@code aud} is the service URL) was added.
 */
@Priority(Priorities.USER + 1000)
public final class ReverseProxyFilter implements ClientRequestFilter {

    private final String serviceEndpoint;
    private final String proxyEndpoint;

    /**
     * @param serviceEndpoint the normalised service endpoint (no trailing slash)
     * @param proxyEndpoint the normalised proxy endpoint (no trailing slash)
     */
    public ReverseProxyFilter(String serviceEndpoint, String proxyEndpoint) {
        this.serviceEndpoint = serviceEndpoint;
        this.proxyEndpoint = proxyEndpoint;
    }

    @Override
    public void filter(ClientRequestContext request) {
        String url = request.getUri().toString();
        if (url.startsWith(serviceEndpoint)) {
            request.setUri(URI.create(proxyEndpoint + url.substring(serviceEndpoint.length())));
        }
    }
}
