package io.webpubsub.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a hub holds at one moment, from {@link WebPubSubEmulator#inspect(String)}, so that app tests can assert what
 * happened: its connections with their users and groups, and the last messages it delivered (newest last).
 *
 * @param hub         the lower-case hub name
 * @param connections the connections, including reliable ones that wait detached for recovery
 * @param deliveries  the last deliveries (at most {@link WebPubSubEmulator.Builder#deliveryHistory(int)}), oldest first
 */
public record HubSnapshot(String hub, List<Connection> connections, List<Delivery> deliveries) {
    /** Copies the lists. */
    public HubSnapshot {
        connections = List.copyOf(connections);
        deliveries = List.copyOf(deliveries);
    }

    /**
     * One connection.
     *
     * @param id          the connection id
     * @param userId      the user id, or null when anonymous
     * @param subprotocol the accepted subprotocol, or null
     * @param groups      the groups it is in
     * @param attached    whether a WebSocket is attached (false while a dropped reliable connection awaits recovery)
     */
    public record Connection(String id, String userId, String subprotocol, Set<String> groups, boolean attached) {
        /** Copies the groups. */
        public Connection {
            groups = Set.copyOf(groups);
        }
    }

    /**
     * One message the hub delivered, by REST or by a client publishing to a group.
     *
     * @param time          when it was delivered
     * @param description   what sent it, e.g. {@code REST send to group chat}
     * @param group         the target group, or null
     * @param dataType      {@code text}, {@code json} or {@code binary}
     * @param size          the message size in bytes
     * @param data          the message, its first 64 KiB when larger
     * @param connectionIds the connections it was delivered to
     */
    public record Delivery(Instant time, String description, String group, String dataType, int size, byte[] data,
                           List<String> connectionIds) {
        /** Copies the list. */
        public Delivery {
            connectionIds = List.copyOf(connectionIds);
        }

        /** The data as UTF-8 text. */
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    /** A connection by id. */
    public Optional<Connection> connection(String id) {
        return connections.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Each user id with the ids of its connections, sorted by user id. */
    public Map<String, List<String>> users() {
        return connections.stream().filter(c -> c.userId() != null).collect(Collectors.groupingBy(Connection::userId,
                TreeMap::new, Collectors.mapping(Connection::id, Collectors.toList())));
    }

    /** Each non-empty group with the ids of its member connections, sorted by group name. */
    public Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new TreeMap<>();
        for (Connection c : connections) {
            for (String g : c.groups()) {
                groups.computeIfAbsent(g, k -> new java.util.ArrayList<>()).add(c.id());
            }
        }
        return groups;
    }
}
