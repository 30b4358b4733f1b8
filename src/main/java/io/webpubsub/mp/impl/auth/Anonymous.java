package io.webpubsub.mp.impl.auth;

import jakarta.ws.rs.client.ClientRequestContext;

/** Requests sent without {@code Authorization}: only the health probe, as the official SDKs do. */
final class Anonymous {

    private Anonymous() {
    }

    static boolean isAnonymous(ClientRequestContext request) {
        return "HEAD".equals(request.getMethod()) && request.getUri().getRawPath().endsWith("/api/health");
    }
}
