package io.webpubsub.client.support;

import io.webpubsub.client.ConnectedEvent;
import io.webpubsub.client.DisconnectedEvent;
import io.webpubsub.client.GroupMessage;
import io.webpubsub.client.RejoinGroupFailedEvent;
import io.webpubsub.client.ServerMessage;
import io.webpubsub.client.WebPubSubClientListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records every listener call of a client in order; tests wait, bounded, for what they expect. */
public final class Recorder implements WebPubSubClientListener {

    public static final Duration WAIT = Duration.ofSeconds(15);
    private final List<Object> events = new ArrayList<>();
    private volatile Thread lastThread;

    @Override
    public void onConnected(ConnectedEvent event) {
        add(event);
    }

    @Override
    public void onDisconnected(DisconnectedEvent event) {
        add(event);
    }

    @Override
    public void onStopped() {
        add("stopped");
    }

    @Override
    public void onGroupMessage(GroupMessage message) {
        add(message);
    }

    @Override
    public void onServerMessage(ServerMessage message) {
        add(message);
    }

    @Override
    public void onRejoinGroupFailed(RejoinGroupFailedEvent event) {
        add(event);
    }

    private synchronized void add(Object event) {
        lastThread = Thread.currentThread();
        events.add(event);
        notifyAll();
    }

    /** The thread of the latest call. */
    public Thread lastThread() {
        return lastThread;
    }

    /** Everything recorded so far. */
    public synchronized List<Object> all() {
        return List.copyOf(events);
    }

    /** The recorded events of one type, in order. */
    public synchronized <T> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits until {@code count} events of {@code type} are recorded; returns them all. */
    public <T> List<T> await(Class<T> type, int count) {
        return awaitMatching(type, count, e -> true);
    }

    /** Waits until {@code count} events of {@code type} matching {@code filter} are recorded. */
    public synchronized <T> List<T> awaitMatching(Class<T> type, int count, Predicate<T> filter) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<T> found = all(type).stream().filter(filter).toList();
            if (found.size() >= count) {
                return found;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " " + type.getSimpleName() + " within " + WAIT
                        + ", got " + found.size() + "; all events: " + events);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Waits for {@code onStopped}. */
    public synchronized void awaitStopped() {
        awaitMatching(String.class, 1, "stopped"::equals);
    }

    /** Group messages' text payloads, in order. */
    public List<String> groupTexts() {
        return all(GroupMessage.class).stream().map(m -> m.data().asText()).toList();
    }
}
