package io.webpubsub.mp.events;

import java.util.Objects;

/**
 * An MQTT 5 user property: a name/value pair carried by CONNECT, CONNACK and DISCONNECT packets.
 *
 * @param name the property name
 * @param value the property value
 * @since 0.1.0
 */
public record MqttUserProperty(String name, String value) {

    /**
     * @param name the name
     * @param value the value
     * @throws NullPointerException if an argument is null
     */
    public MqttUserProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
