package io.webpubsub.emulator.impl.hub;

import io.webpubsub.emulator.HubSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connections, groups and users of one hub. Membership changes happen under the hub's lock so that the group and
 * user indexes always agree with each connection's own group set; readers get snapshots.
 */
public final class Hub {
    private final String name;
    private final Map<String, ClientConnection> connections = new ConcurrentHashMap<>();
    private final Map<String, Set<ClientConnection>> groups = new HashMap<>();
    private final Map<String, Set<ClientConnection>> users = new HashMap<>();
    private final java.util.ArrayDeque<HubSnapshot.Delivery> history = new java.util.ArrayDeque<>();
    private final AtomicInteger pendingConnects = new AtomicInteger();

    /** @param name the lower-case hub name */
    public Hub(String name) {
        this.name = name;
    }

    /**
     * Takes one of {@code limit} places for a {@code connect} event waiting on its handler; false when none is left.
     */
    public boolean startConnect(int limit) {
        if (pendingConnects.incrementAndGet() > limit) {
            pendingConnects.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Gives back a place taken by {@link #startConnect(int)}. */
    public void connectDone() {
        pendingConnects.decrementAndGet();
    }

    /** Records a delivery, keeping the newest {@code limit}. */
    public void record(HubSnapshot.Delivery delivery, int limit) {
        synchronized (history) {
            history.addLast(delivery);
            while (history.size() > limit) {
                history.removeFirst();
            }
        }
    }

    /** The connections with their groups, and the recorded deliveries. */
    public synchronized HubSnapshot snapshot() {
        List<HubSnapshot.Connection> list = new ArrayList<>();
        for (ClientConnection c : connections.values()) {
            list.add(new HubSnapshot.Connection(c.id(), c.userId(), c.subprotocol(), c.groups(), c.attached()));
        }
        list.sort(java.util.Comparator.comparing(HubSnapshot.Connection::id));
        synchronized (history) {
            return new HubSnapshot(name, list, List.copyOf(history));
        }
    }

    /** The lower-case hub name. */
    public String name() {
        return name;
    }

    /** Adds a connection. */
    public synchronized void add(ClientConnection c) {
        connections.put(c.id(), c);
        if (c.userId() != null) {
            users.computeIfAbsent(c.userId(), k -> new LinkedHashSet<>()).add(c);
        }
    }

    /** Removes a connection from the hub, its user and all its groups; returns the groups it was in. */
    public synchronized List<String> remove(ClientConnection c) {
        if (connections.remove(c.id(), c) && c.userId() != null) {
            removeFrom(users, c.userId(), c);
        }
        List<String> left = new ArrayList<>(c.groups());
        for (String g : left) {
            removeFrom(groups, g, c);
        }
        c.groups().clear();
        return left;
    }

    /** Adds a connection to a group; false when it was already a member or is no longer in the hub. */
    public synchronized boolean join(ClientConnection c, String group) {
        if (connections.get(c.id()) != c || !c.groups().add(group)) {
            return false;
        }
        groups.computeIfAbsent(group, k -> new LinkedHashSet<>()).add(c);
        return true;
    }

    /** Removes a connection from a group; false when it was not a member. */
    public synchronized boolean leave(ClientConnection c, String group) {
        if (!c.groups().remove(group)) {
            return false;
        }
        removeFrom(groups, group, c);
        return true;
    }

    private static void removeFrom(Map<String, Set<ClientConnection>> index, String key, ClientConnection c) {
        Set<ClientConnection> set = index.get(key);
        if (set != null && set.remove(c) && set.isEmpty()) {
            index.remove(key);
        }
    }

    /** A connection by id, or null. */
    public ClientConnection connection(String id) {
        return connections.get(id);
    }

    /** Snapshot of all connections. */
    public List<ClientConnection> connections() {
        return new ArrayList<>(connections.values());
    }

    /** Snapshot of a group's members. */
    public synchronized List<ClientConnection> group(String group) {
        Set<ClientConnection> set = groups.get(group);
        return set == null ? List.of() : new ArrayList<>(set);
    }

    /** Snapshot of a user's connections. */
    public synchronized List<ClientConnection> user(String userId) {
        Set<ClientConnection> set = users.get(userId);
        return set == null ? List.of() : new ArrayList<>(set);
    }
}
