package io.webpubsub.mp.spi;

/**
 * Microsoft Entra ID authentication for the REST calls: supplies bearer tokens for the scope
 * {@value #SCOPE}.
 *
 * <p>Plug in any token source (azure-identity, a workload-identity file, a test stub). The library caches the
 * token and calls {@link #getToken(String)} again shortly before it expires, so implementations need no cache of
 * their own. Implementations must be thread-safe.
 *
 * <p>With CDI, a bean of this type qualified {@code @WebPubSubHub("<hub>")} (or unqualified, for every hub) is
 * used for hubs configured with {@code azure.webpubsub.endpoint} but no access key or connection string. Without
 * such a bean, and when {@code com.azure:azure-identity} is on the class path, its {@code DefaultAzureCredential}
 * is used ({@link AzureIdentityCredentials#defaultAzureCredential()}).
 *
 * <p>In Entra ID mode client access tokens come from the service ({@code :generateToken}) instead of being signed
 * locally.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface WebPubSubTokenCredential {

    /** The scope every Web PubSub data-plane token is requested for. */
    String SCOPE = "https://webpubsub.azure.com/.default";

    /**
     * Obtains a token.
     *
     * @param scope always {@value #SCOPE}
     * @return the token and its expiry
     * @throws RuntimeException if no token can be obtained; the call fails with it
     */
    WebPubSubAccessToken getToken(String scope);
}
