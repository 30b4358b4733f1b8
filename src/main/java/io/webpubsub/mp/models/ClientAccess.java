package io.webpubsub.mp.models;

import java.util.Objects;

/**
 * What a client needs to connect: the endpoint URL, the access token, and both combined.
 *
 * <p>Hand {@link #url()} to a browser ({@code new WebSocket(url, 'json.webpubsub.azure.v1')}). The token grants
 * access to the hub: do not log it; {@link #toString()} hides it.
 *
 * @since 0.1.0
 */
public final class ClientAccess {

    private final String baseUrl;
    private final String token;

    /**
     * Creates the value.
     *
     * @param baseUrl the client endpoint without the token, e.g. {@code
     * wss://demo.webpubsub.azure.com/client/hubs/chat}
     * @param token the access token (a JWT)
     */
    public ClientAccess(String baseUrl, String token) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.token = Objects.requireNonNull(token, "token");
    }

    /**
     * The client endpoint without the token.
     *
     * @return e.g. {@code wss://demo.webpubsub.azure.com/client/hubs/chat}
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The access token.
     *
     * @return the JWT
     */
    public String token() {
        return token;
    }

    /**
     * The URL to connect to: {@code <baseUrl>?access_token=<token>}.
     *
     * @return the URL, containing the token
     */
    public String url() {
        return baseUrl + "?access_token=" + token;
    }

    @Override
    public String toString() {
        return "ClientAccess[baseUrl=" + baseUrl + ", token=***]";
    }
}
