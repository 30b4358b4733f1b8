package io.webpubsub.emulator.impl.hub;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One logical client connection of a hub. For the reliable protocol it outlives its WebSocket: while detached it keeps
 * groups, permissions, processed ack ids and un-acked messages until it is recovered or expires.
 */
public final class ClientConnection {
    /** How the connection talks. */
    public enum Protocol {
        /** Plain WebSocket (no or a handler-chosen custom subprotocol). */
        RAW,
        /** {@code json.webpubsub.azure.v1}. */
        JSON,
        /** {@code json.reliable.webpubsub.azure.v1}. */
        RELIABLE
    }

    /** Un-acked messages a reliable connection may hold. */
    public static final int MAX_UNACKED_MESSAGES = 1000;
    /** Un-acked bytes a reliable connection may hold. */
    public static final long MAX_UNACKED_BYTES = 16L * 1024 * 1024;
    private static final int MAX_REMEMBERED_ACK_IDS = 10_000;

    private final String id;
    private final String hub;
    private final String userId;
    private final Protocol protocol;
    private final String subprotocol;
    private final Permissions permissions;
    private final Overflow overflow;
    private final int outboxLimit;
    private final long outboxBytes;
    private final Set<String> groups = ConcurrentHashMap.newKeySet();
    private final AtomicLong eventIds = new AtomicLong(1);
    private final Set<Long> processedAckIds = Collections.synchronizedSet(new LinkedHashSet<>());
    private volatile String connectionState;

    // guarded by this
    private Outbox outbox;
    private long lastSequenceId;
    private final ArrayDeque<Unacked> unacked = new ArrayDeque<>();
    private long unackedBytes;
    private boolean ended;
    private int attachments;

    private record Unacked(long sequenceId, String frame, OptionalLong deadline) {
    }

    /** Called when a client cannot keep up (outbound queue or un-acked buffer full). */
    @FunctionalInterface
    public interface Overflow {
        /** @param connection the slow connection; @param reason a description */
        void overflow(ClientConnection connection, String reason);
    }

    /** Creates a connection; it is not attached to a WebSocket yet. */
    public ClientConnection(String id, String hub, String userId, Protocol protocol, String subprotocol,
                            Permissions permissions, String connectionState, int outboxLimit, long outboxBytes,
                            Overflow overflow) {
        this.id = id;
        this.hub = hub;
        this.userId = userId;
        this.protocol = protocol;
        this.subprotocol = subprotocol;
        this.permissions = permissions;
        this.connectionState = connectionState;
        this.outboxLimit = outboxLimit;
        this.outboxBytes = outboxBytes;
        this.overflow = overflow;
    }

    /** The connection id. */
    public String id() {
        return id;
    }

    /** The (lower-case) hub name. */
    public String hub() {
        return hub;
    }

    /** The user id, or null for anonymous connections. */
    public String userId() {
        return userId;
    }

    /** The protocol. */
    public Protocol protocol() {
        return protocol;
    }

    /** The accepted subprotocol, or null. */
    public String subprotocol() {
        return subprotocol;
    }

    /** The connection's permissions. */
    public Permissions permissions() {
        return permissions;
    }

    /** The groups joined; modified only by {@link Hub} under its lock. */
    public Set<String> groups() {
        return groups;
    }

    /** The opaque state set by the event handler, or null. */
    public String connectionState() {
        return connectionState;
    }

    /** Replaces the connection state ({@code null} or empty clears it). */
    public void connectionState(String state) {
        this.connectionState = state == null || state.isEmpty() ? null : state;
    }

    /** The next CloudEvents {@code ce-id} (the connect event used 0). */
    public long nextEventId() {
        return eventIds.getAndIncrement();
    }

    /** Whether a successful operation already used this ack id. */
    public boolean ackProcessed(long ackId) {
        return processedAckIds.contains(ackId);
    }

    /** Remembers a successful ack id for duplicate detection. */
    public void markAckProcessed(long ackId) {
        synchronized (processedAckIds) {
            processedAckIds.add(ackId);
            if (processedAckIds.size() > MAX_REMEMBERED_ACK_IDS) {
                var it = processedAckIds.iterator();
                it.next();
                it.remove();
            }
        }
    }

    /** Delivers a message in this connection's format; never blocks. */
    public void deliver(Delivery d) {
        switch (protocol) {
            case RAW -> send(d.payload().type() == Payload.DataType.BINARY ? d.payload().data() : d.payload().text(),
                    d.deadline());
            case JSON -> send(d.jsonFrame(), d.deadline());
            case RELIABLE -> deliverReliably(d);
        }
    }

    private void deliverReliably(Delivery d) {
        String overflowReason = null;
        synchronized (this) {
            if (ended) {
                return;
            }
            long seq = ++lastSequenceId;
            String frame = Frames.sequenced(d.jsonFrame(), seq);
            unacked.add(new Unacked(seq, frame, d.deadline()));
            unackedBytes += frame.length();
            if (unacked.size() > MAX_UNACKED_MESSAGES || unackedBytes > MAX_UNACKED_BYTES) {
                overflowReason = "The un-acknowledged message buffer is full";
            } else if (outbox != null && !outbox.offer(frame, d.deadline())) {
                overflowReason = "The connection cannot keep up with its messages";
            }
        }
        if (overflowReason != null) {
            overflow.overflow(this, overflowReason);
        }
    }

    /** Sends a frame ({@link String} or {@code byte[]}) that is not a sequenced message; dropped when detached. */
    public void send(Object frame) {
        send(frame, OptionalLong.empty());
    }

    private void send(Object frame, OptionalLong deadline) {
        Outbox current;
        synchronized (this) {
            current = ended ? null : outbox;
        }
        if (current != null && !current.offer(frame, deadline)) {
            overflow.overflow(this, "The connection cannot keep up with its messages");
        }
    }

    /** Handles {@code sequenceAck}: drops buffered messages up to and including {@code sequenceId}. */
    public synchronized void sequenceAck(long sequenceId) {
        while (!unacked.isEmpty() && unacked.peek().sequenceId() <= sequenceId) {
            unackedBytes -= unacked.poll().frame().length();
        }
    }

    /**
     * Attaches a WebSocket: {@code first} frames (the connected message) go out first, then every un-acked message in
     * order. Returns false when the connection has ended.
     */
    public boolean attach(Transport transport, String first) {
        String overflowReason = null;
        synchronized (this) {
            if (ended) {
                return false;
            }
            attachments++;
            outbox = new Outbox(transport, outboxLimit, outboxBytes, transport::abort);
            if (first != null) {
                outbox.offer(first);
            }
            for (Unacked u : unacked) {
                if (!outbox.offer(u.frame(), u.deadline())) {
                    overflowReason = "The connection cannot keep up with its messages";
                    break;
                }
            }
        }
        if (overflowReason != null) {
            overflow.overflow(this, overflowReason);
        }
        return true;
    }

    /** Detaches {@code transport} if it is the current one; returns the attachment count to detect recovery. */
    public synchronized int detach(Transport transport) {
        if (outbox != null && outbox.transport() == transport) {
            outbox = null;
        }
        return attachments;
    }

    /** The number of WebSockets attached so far. */
    public synchronized int attachments() {
        return attachments;
    }

    /** Whether a WebSocket is attached now. */
    public synchronized boolean attached() {
        return outbox != null;
    }

    /** The current WebSocket, or null when detached. */
    public synchronized Transport transport() {
        return outbox == null ? null : outbox.transport();
    }

    /**
     * Ends the connection for good: {@code finalFrame} (may be null) is the last frame sent, then the WebSocket is
     * closed
     * with {@code code} and {@code reason}, or dropped at once when {@code code} is negative. False when already ended.
     */
    public boolean end(String finalFrame, int code, String reason) {
        Outbox last;
        synchronized (this) {
            if (ended) {
                return false;
            }
            ended = true;
            unacked.clear();
            unackedBytes = 0;
            last = outbox;
            outbox = null;
        }
        if (last != null) {
            if (code < 0) {
                last.transport().abort();
            } else {
                if (finalFrame != null) {
                    last.offer(finalFrame);
                }
                last.close(code, reason);
            }
        }
        return true;
    }

    /** Whether the connection has ended for good. */
    public synchronized boolean isEnded() {
        return ended;
    }

    @Override
    public String toString() {
        return "ClientConnection[" + id + ", hub=" + hub + "]";
    }
}
