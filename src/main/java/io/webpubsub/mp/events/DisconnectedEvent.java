package io.webpubsub.mp.events;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A connection has ended ({@code azure.webpubsub.sys.disconnected}): a notification, fired as a CDI event qualified
 * with the hub. Sent for every connection that passed {@code connect}.
 * <pre>{@code
 * void left(@Observes @WebPubSubHub("chat") DisconnectedEvent event) { log(event.reason()); }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class DisconnectedEvent {

    private final ConnectionContext context;
    private final String reason;
    private final MqttDisconnection mqtt;

    /**
     * Created by the library; public so that tests can fire it.
     *
     * @param context the connection context
     * @param reason why the connection ended; empty if the service gave no reason
     * @param mqtt MQTT details, or null for WebSocket clients
     */
    public DisconnectedEvent(ConnectionContext context, String reason, MqttDisconnection mqtt) {
        this.context = Objects.requireNonNull(context, "context");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.mqtt = mqtt;
    }

    /**
     * @return the connection that ended
     */
    public ConnectionContext context() {
        return context;
    }

    /**
     * @return the service's reason; empty if none
     */
    public String reason() {
        return reason;
    }

    /**
     * @return MQTT details; empty for WebSocket clients
     */
    public Optional<MqttDisconnection> mqtt() {
        return Optional.ofNullable(mqtt);
    }

    @Override
    public String toString() {
        return "DisconnectedEvent[" + context + ", reason=" + reason + "]";
    }

    /**
     * How an MQTT connection ended.
     *
     * @param initiatedByClient whether the client closed the connection
     * @param disconnectPacket the DISCONNECT packet, if one was sent
     * @since 0.1.0
     */
    public record MqttDisconnection(boolean initiatedByClient, Optional<MqttDisconnectPacket> disconnectPacket) {

        /**
         * @param initiatedByClient whether the client closed the connection
         * @param disconnectPacket the packet, or empty
         */
        public MqttDisconnection {
            Objects.requireNonNull(disconnectPacket, "disconnectPacket");
        }
    }

    /**
     * An MQTT DISCONNECT packet.
     *
     * @param code the reason code
     * @param userProperties the MQTT 5 user properties
     * @since 0.1.0
     */
    public record MqttDisconnectPacket(int code, List<MqttUserProperty> userProperties) {

        /**
         * @param code the reason code
         * @param userProperties the user properties (copied)
         */
        public MqttDisconnectPacket {
            userProperties = List.copyOf(userProperties);
        }
    }
}
