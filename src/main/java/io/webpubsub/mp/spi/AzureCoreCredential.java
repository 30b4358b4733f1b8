package io.webpubsub.mp.spi;

import java.util.Objects;
import java.util.function.Supplier;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.DefaultAzureCredentialBuilder;


/**
 * Adapts an azure-core {@link TokenCredential} (by default azure-identity's {@code DefaultAzureCredential},
 * created on first use) to {@link WebPubSubTokenCredential}. Only loaded when azure-identity is present.
 */
final class AzureCoreCredential implements WebPubSubTokenCredential {

    private final Supplier<TokenCredential> factory;
    private volatile TokenCredential credential;

    /**
     * @param factory creates the azure-core credential on first use
     */
    AzureCoreCredential(Supplier<TokenCredential> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * @return an adapter over {@code new DefaultAzureCredentialBuilder().build()}
     */
    static AzureCoreCredential defaultAzureCredential() {
        return new AzureCoreCredential(() -> new DefaultAzureCredentialBuilder().build());
    }

    @Override
    public WebPubSubAccessToken getToken(String scope) {
        AccessToken token = credential().getTokenSync(new TokenRequestContext().addScopes(scope));
        if (token == null) {
            throw new IllegalStateException("azure-identity returned no token for scope " + scope);
        }
        return new WebPubSubAccessToken(token.getToken(), token.getExpiresAt().toInstant());
    }

    private TokenCredential credential() {
        TokenCredential current = credential;
        if (current == null) {
            synchronized (this) {
                current = credential;
                if (current == null) {
                    current = factory.get();
                    credential = current;
                }
            }
        }
        return current;
    }

    @Override
    public String toString() {
        return "AzureCoreCredential[" + (credential == null ? "not created yet" : credential.getClass().getName())
                + "]";
    }
}
