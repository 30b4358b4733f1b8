package io.webpubsub.mp.events;

import java.util.OptionalInt;

/**
 * Thrown by a {@link ConnectHandler} or {@link UserEventHandler} to refuse an event: the library answers the
 * service with the status and the message (as {@code text/plain}). A refused {@code connect} fails the client's
 * WebSocket handshake with that status; a refused user event makes the service drop the connection.
 *
 * <p>For MQTT clients the library answers with the MQTT form ({@code {"mqtt":{"code":…,"reason":…}}}); the CONNACK
 * code is {@link #withMqttCode(int) set explicitly} or derived from the status: 400 → bad user name or password
 * (3.1.1: 4, 5.0: 0x86), 401 and 403 → not authorized (5, 0x87), 500 → server unavailable (3) / unspecified error
 * (0x80).
 *
 * <p>The message goes to the service (and for {@code connect} to the client); never put secrets in it.
 *
 * @since 0.1.0
 */
public class EventRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status sent to the service. */
    private final int status;
    /** The explicit MQTT code, or null. */
    private final Integer mqttCode;

    /**
     * @param status 400, 401, 403 or 500
     * @param message the reason, sent to the service; may be null for none
     * @throws IllegalArgumentException if the status is not one of 400, 401, 403, 500
     */
    public EventRejectedException(int status, String message) {
        this(status, message, null);
    }

    private EventRejectedException(int status, String message, Integer mqttCode) {
        super(message == null ? "" : message);
        if (status != 400 && status != 401 && status != 403 && status != 500) {
            throw new IllegalArgumentException("The status of a rejection must be 400, 401, 403 or 500, not "
                    + status);
        }
        this.status = status;
        this.mqttCode = mqttCode;
    }

    /**
     * @param message the reason
     * @return a 400 Bad Request rejection
     */
    public static EventRejectedException badRequest(String message) {
        return new EventRejectedException(400, message);
    }

    /**
     * @param message the reason
     * @return a 401 Unauthorized rejection
     */
    public static EventRejectedException unauthorized(String message) {
        return new EventRejectedException(401, message);
    }

    /**
     * @param message the reason
     * @return a 403 Forbidden rejection
     */
    public static EventRejectedException forbidden(String message) {
        return new EventRejectedException(403, message);
    }

    /**
     * @param message the reason
     * @return a 500 Internal Server Error rejection
     */
    public static EventRejectedException serverError(String message) {
        return new EventRejectedException(500, message);
    }

    /**
     * The same rejection with an explicit MQTT CONNACK return code (3.1.1) or reason code (5.0), used when the
     * client is an MQTT client.
     *
     * @param code the code, 1..255
     * @return a new exception with the same status and message
     * @throws IllegalArgumentException if the code is outside 1..255
     */
    public EventRejectedException withMqttCode(int code) {
        if (code < 1 || code > 255) {
            throw new IllegalArgumentException("An MQTT code must be from 1 to 255, not " + code);
        }
        return new EventRejectedException(status, getMessage(), code);
    }

    /**
     * @return the HTTP status sent to the service
     */
    public int status() {
        return status;
    }

    /**
     * @return the explicit MQTT code, if set
     */
    public OptionalInt mqttCode() {
        return mqttCode == null ? OptionalInt.empty() : OptionalInt.of(mqttCode);
    }
}
