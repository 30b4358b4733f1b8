package io.webpubsub.mp.impl.http;

import java.net.URI;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * Sends a {@link NextPageApi} request to the URL in its {@link NextPageApi#NEXT_LINK} header; runs before the
 * authentication filter, so the token's audience is that URL.
 */
@Priority(Priorities.AUTHENTICATION - 100)
public final class NextLinkFilter implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        Object url = request.getHeaders().getFirst(NextPageApi.NEXT_LINK);
        if (url != null) {
            request.getHeaders().remove(NextPageApi.NEXT_LINK);
            request.setUri(URI.create(url.toString()));
        }
    }
}
