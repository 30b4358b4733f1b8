package io.webpubsub.mp.impl.client;

import java.time.Clock;
import java.time.Instant;

import io.webpubsub.mp.WebPubSubKeyCredential;
import io.webpubsub.mp.impl.auth.JwtMinter;
import io.webpubsub.mp.impl.http.Call;
import io.webpubsub.mp.models.ClientAccess;
import io.webpubsub.mp.models.ClientAccessOptions;
import io.webpubsub.mp.models.ClientProtocol;
import io.webpubsub.mp.rest.ClientTokenResponse;
import io.webpubsub.mp.rest.WebPubSubRestApi;

/**
 * Client access tokens: signed locally with the access key, or issued by the service through
 * {@code :generateToken} in Entra ID mode.
 */
public abstract class ClientTokens {

    private final String endpoint;
    private final String hub;

    private ClientTokens(String endpoint, String hub) {
        this.endpoint = endpoint;
        this.hub = hub;
    }

    /**
     * Tokens signed with the access key, without a network call.
     *
     * @param endpoint the service endpoint
     * @param hub the hub
     * @param key the key
     * @param clock the clock
     * @return the minter
     */
    public static ClientTokens local(String endpoint, String hub, WebPubSubKeyCredential key, Clock clock) {
        return new ClientTokens(endpoint, hub) {
            @Override
            Call<ClientAccess> clientAccess(ClientAccessOptions options) {
                String audience = httpUrl(options.getProtocol());
                return new Call<>("sign " + audience, false, () -> {
                    Instant now = clock.instant();
                    String token = JwtMinter.clientToken(audience, options.getUserId().orElse(null),
                            options.getRoles(), options.getGroups(), now, now.plus(options.getExpiresAfter()),
                            key.getKey());
                    return new ClientAccess(baseUrl(options.getProtocol()), token);
                });
            }
        };
    }

    /**
     * Tokens issued by the service ({@code :generateToken}).
     *
     * @param endpoint the service endpoint
     * @param hub the hub
     * @param api the REST client
     * @param version the api-version
     * @return the minter
     */
    public static ClientTokens service(String endpoint, String hub, WebPubSubRestApi api, String version) {
        return new ClientTokens(endpoint, hub) {
            @Override
            Call<ClientAccess> clientAccess(ClientAccessOptions options) {
                long seconds = options.getExpiresAfter().toSeconds();
                int minutes = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (seconds + 59) / 60));
                Route route = Route.of("generateClientToken");
                Object[] args = {hub, options.getUserId().orElse(null), emptyToNull(options.getRoles()), minutes,
                    version, emptyToNull(options.getGroups()), options.getProtocol().clientType()};
                Object[] wire = route.wire(args);
                return new Call<>("getClientAccess", route.line(endpoint, args), false, () -> {
                    ClientTokenResponse response = (ClientTokenResponse) route.invoke(api, wire);
                    if (response == null || response.getToken() == null) {
                        throw new IllegalStateException("The service answered :generateToken without a token");
                    }
                    return new ClientAccess(baseUrl(options.getProtocol()), response.getToken());
                });
            }
        };
    }

    abstract Call<ClientAccess> clientAccess(ClientAccessOptions options);

    String httpUrl(ClientProtocol protocol) {
        return endpoint + protocol.pathPrefix() + HubOperations.pathText(hub);
    }

    String baseUrl(ClientProtocol protocol) {
        String url = httpUrl(protocol);
        return protocol == ClientProtocol.SOCKETIO ? url : "ws" + url.substring("http".length());
    }

    private static <T> java.util.List<T> emptyToNull(java.util.List<T> values) {
        return values.isEmpty() ? null : values;
    }
}
