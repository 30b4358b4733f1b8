package io.webpubsub.mp.impl.cdi;

import java.util.Optional;

import io.webpubsub.mp.spi.AzureIdentityCredentials;
import io.webpubsub.mp.spi.WebPubSubTokenCredential;

/** The azure-identity adapter, when {@code com.azure:azure-identity} is on the class path. */
final class AzureIdentity {

    private AzureIdentity() {
    }

    static boolean isAvailable() {
        return AzureIdentityCredentials.isAvailable();
    }

    static Optional<WebPubSubTokenCredential> credential() {
        return isAvailable() ? Optional.of(AzureIdentityCredentials.defaultAzureCredential()) : Optional.empty();
    }
}
