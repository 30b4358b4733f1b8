package io.webpubsub.mp.events;

import java.util.Objects;

/**
 * A TLS client certificate the WebSocket client presented, as listed in the {@code connect} event's
 * {@code clientCertificates}.
 *
 * @param thumbprint the certificate's SHA-1 thumbprint, as sent by the service
 * @param content the PEM-encoded certificate, as sent by the service (may be empty)
 * @since 0.1.0
 */
public record ClientCertificate(String thumbprint, String content) {

    /**
     * @param thumbprint the thumbprint
     * @param content the PEM content
     * @throws NullPointerException if an argument is null
     */
    public ClientCertificate {
        Objects.requireNonNull(thumbprint, "thumbprint");
        Objects.requireNonNull(content, "content");
    }
}
