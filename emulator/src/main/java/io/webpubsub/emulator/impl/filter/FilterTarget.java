package io.webpubsub.emulator.impl.filter;

import java.util.Set;

/**
 * The properties of one connection that a {@link ConnectionFilter} can refer to.
 */
public interface FilterTarget {

    /**
     * The connection id, the value of the {@code connectionId} identifier.
     *
     * @return the connection id, never {@code null}
     */
    String connectionId();

    /**
     * The user id, the value of the {@code userId} identifier.
     *
     * @return the user id, or {@code null} if the connection is anonymous
     */
    String userId();

    /**
     * The groups the connection is currently in, the value of the {@code groups} identifier.
     *
     * @return the group names (case-sensitive); {@code null} is treated as no groups
     */
    Set<String> groups();

    /**
     * The negotiated WebSocket subprotocol, the value of the {@code protocol} identifier.
     *
     * @return the subprotocol, or {@code null} if the connection has none
     */
    String protocol();
}
