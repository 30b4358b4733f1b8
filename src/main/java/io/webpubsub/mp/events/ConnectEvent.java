package io.webpubsub.mp.events;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A client is connecting: the blocking {@code connect} event ({@code azure.webpubsub.sys.connect}), handled by
 * the hub's {@link ConnectHandler}.
 *
 * <p>Maps hold every value the service sent under a name ({@code string → string[]} in the event body). The
 * claims are those of the client's access token; the query may contain {@code access_token} and the headers
 * {@code Authorization}: treat them as secrets. {@link #toString()} shows neither.
 *
 * @since 0.1.0
 */
public final class ConnectEvent {

    private final ConnectionContext context;
    private final Map<String, List<String>> claims;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final List<String> subprotocols;
    private final List<ClientCertificate> clientCertificates;
    private final MqttConnectProperties mqtt;

    /**
     * Created by the library; public so that tests can call handlers directly.
     *
     * @param context the connection context
     * @param claims the token's claims
     * @param query the query parameters of the client's request
     * @param headers the headers of the client's request (looked up case-insensitively)
     * @param subprotocols the subprotocols the client offered
     * @param clientCertificates the client's TLS certificates
     * @param mqtt the MQTT CONNECT properties, or null for WebSocket clients
     */
    public ConnectEvent(ConnectionContext context, Map<String, List<String>> claims, Map<String, List<String>> query,
            Map<String, List<String>> headers, List<String> subprotocols, List<ClientCertificate> clientCertificates,
            MqttConnectProperties mqtt) {
        this.context = Objects.requireNonNull(context, "context");
        this.claims = Events.copy(claims, false);
        this.query = Events.copy(query, false);
        this.headers = Events.copy(headers, true);
        this.subprotocols = List.copyOf(subprotocols);
        this.clientCertificates = List.copyOf(clientCertificates);
        this.mqtt = mqtt;
    }

    /**
     * @return the connection this event is about
     */
    public ConnectionContext context() {
        return context;
    }

    /**
     * The claims of the client's access token (e.g. {@code sub}, {@code role}, custom claims).
     *
     * @return claim name to values; unmodifiable
     */
    public Map<String, List<String>> claims() {
        return claims;
    }

    /**
     * The query parameters of the client's WebSocket request.
     *
     * @return parameter name to values; unmodifiable
     */
    public Map<String, List<String>> query() {
        return query;
    }

    /**
     * The headers of the client's WebSocket request; {@code get} ignores the case of the name.
     *
     * @return header name to values; unmodifiable
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The subprotocols the client offered; {@link ConnectResponse#withSubprotocol(String)} must pick one of
     * them.
     *
     * @return the offered subprotocols, in the client's order; unmodifiable
     */
    public List<String> subprotocols() {
        return subprotocols;
    }

    /**
     * @return the TLS client certificates the client presented; unmodifiable
     */
    public List<ClientCertificate> clientCertificates() {
        return clientCertificates;
    }

    /**
     * The CONNECT packet's properties, for MQTT clients.
     *
     * @return the MQTT properties; empty for WebSocket clients
     */
    public Optional<MqttConnectProperties> mqtt() {
        return Optional.ofNullable(mqtt);
    }

    /** Shows the context and the offered subprotocols; never claims, query or headers. */
    @Override
    public String toString() {
        return "ConnectEvent[" + context + ", subprotocols=" + subprotocols + "]";
    }
}
