package io.webpubsub.mp.events;

import java.util.List;
import java.util.Optional;

/**
 * What an MQTT client sent in its CONNECT packet, from the {@code connect} event's {@code mqtt} object.
 *
 * @since 0.1.0
 */
public final class MqttConnectProperties {

    private final int protocolVersion;
    private final String username;
    private final String password;
    private final List<MqttUserProperty> userProperties;

    /**
     * Created by the library; public so that tests can call handlers directly.
     *
     * @param protocolVersion the MQTT protocol level: 4 (3.1.1) or 5 (5.0)
     * @param username the user name, or null
     * @param password the password as the service sends it (base64), or null
     * @param userProperties the MQTT 5 user properties
     */
    public MqttConnectProperties(int protocolVersion, String username, String password,
            List<MqttUserProperty> userProperties) {
        this.protocolVersion = protocolVersion;
        this.username = username;
        this.password = password;
        this.userProperties = List.copyOf(userProperties);
    }

    /**
     * The MQTT protocol level: {@code 4} for MQTT 3.1.1, {@code 5} for MQTT 5.0.
     *
     * @return the protocol version
     */
    public int protocolVersion() {
        return protocolVersion;
    }

    /**
     * @return the user name from the CONNECT packet, if any
     */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /**
     * The password from the CONNECT packet, base64-encoded as the service sends it. A secret: never log it.
     *
     * @return the password, if any
     */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /**
     * @return the MQTT 5 user properties; empty for MQTT 3.1.1; unmodifiable
     */
    public List<MqttUserProperty> userProperties() {
        return userProperties;
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "MqttConnectProperties[protocolVersion=" + protocolVersion + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
