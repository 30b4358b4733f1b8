package io.webpubsub.mp.spi;

/**
 * Entra ID through {@code com.azure:azure-identity}, when the application has it on its class path (the library
 * declares it as an optional dependency).
 *
 * <pre>{@code
 * WebPubSubHubClient chat = new WebPubSubClientBuilder()
 *         .endpoint("https://demo.webpubsub.azure.com")
 *         .credential(AzureIdentityCredentials.defaultAzureCredential())
 *         .hub("chat").buildClient();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class AzureIdentityCredentials {

    private static final String BUILDER = "com.azure.identity.DefaultAzureCredentialBuilder";

    private AzureIdentityCredentials() {
    }

    /**
     * Whether azure-identity is on the class path.
     *
     * @return true if {@code DefaultAzureCredentialBuilder} can be loaded
     */
    public static boolean isAvailable() {
        try {
            Class.forName(BUILDER, false, AzureIdentityCredentials.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * A credential backed by azure-identity's {@code DefaultAzureCredential} (environment, workload identity,
     * managed identity, Azure CLI, …), created when the first token is needed.
     *
     * @return the credential
     * @throws IllegalStateException if azure-identity is not on the class path
     */
    public static WebPubSubTokenCredential defaultAzureCredential() {
        if (!isAvailable()) {
            throw new IllegalStateException("com.azure:azure-identity is not on the class path: add it, or implement"
                    + " WebPubSubTokenCredential");
        }
        return AzureCoreCredential.defaultAzureCredential();
    }
}
