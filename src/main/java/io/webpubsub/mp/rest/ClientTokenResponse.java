package io.webpubsub.mp.rest;

/**
 * The answer of {@code :generateToken}.
 *
 * <p>A plain JSON-B / Jackson bean of the REST wire format.
 *
 * @since 0.1.0
 */
public class ClientTokenResponse {

    private String token;

    /** Creates an empty instance (for JSON binding). */
    public ClientTokenResponse() {
    }

    /**
     * Gets the {@code token} property.
     *
     * @return the client access token (a JWT); do not log it
     */
    public String getToken() {
        return token;
    }

    /**
     * Sets the {@code token} property.
     *
     * @param token the client access token (a JWT); do not log it
     */
    public void setToken(String token) {
        this.token = token;
    }

    @Override
    public String toString() {
        return "ClientTokenResponse[token=***]";
    }
}
