package io.webpubsub.client.impl;

import io.webpubsub.client.ConnectedEvent;
import io.webpubsub.client.DisconnectedEvent;
import io.webpubsub.client.GroupMessage;
import io.webpubsub.client.RejoinGroupFailedEvent;
import io.webpubsub.client.SendEventOptions;
import io.webpubsub.client.SendToGroupOptions;
import io.webpubsub.client.ServerMessage;
import io.webpubsub.client.WebPubSubClient;
import io.webpubsub.client.WebPubSubClientException;
import io.webpubsub.client.WebPubSubClientListener;
import io.webpubsub.client.WebPubSubClientState;
import io.webpubsub.client.WebPubSubData;
import io.webpubsub.client.WebPubSubResult;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The client: one state machine under one lock. The WebSocket's reader only parses, updates state and hands events
 * to the serial event executor; timers and stages run on the shared pool.
 */
public final class DefaultWebPubSubClient implements WebPubSubClient, Link.Handler {

    static final System.Logger LOG = System.getLogger("io.webpubsub.client");
    private static final Duration RECOVERY_RETRY = Duration.ofSeconds(1);
    private static final String PING = "{\"type\":\"ping\"}";
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService SHARED = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "webpubsub-client-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private static final class DefaultHttp {
        static final HttpClient CLIENT = HttpClient.newHttpClient();
    }

    private final ClientSettings settings;
    private final HttpClient http;
    private final Executor completions;
    private final Listeners listeners;
    private final Outbox outbox;
    private final AtomicLong ackIds = new AtomicLong();
    private final Object lock = new Object();
    private final SequenceAcks sequenceAcks = new SequenceAcks(lock);

    // guarded by lock
    private WebPubSubClientState state = WebPubSubClientState.STOPPED;
    private long generation;
    private Link link;
    private String url;
    private String connectionId;
    private String userId;
    private String reconnectionToken;
    private String serviceMessage;
    private boolean sessionEnded;
    private int attempt;
    private long recoveryDeadline;
    private final Set<String> groups = new LinkedHashSet<>();
    private CompletableFuture<Void> started;
    private CompletableFuture<Void> stopped;

    /** A stopped client with these settings. */
    public DefaultWebPubSubClient(ClientSettings settings) {
        this.settings = settings;
        this.http = settings.httpClient() != null ? settings.httpClient() : DefaultHttp.CLIENT;
        this.completions = settings.eventExecutor() != null ? settings.eventExecutor() : SHARED;
        this.listeners = new Listeners(completions);
        this.outbox = new Outbox(completions, settings.maxSendRetries());
    }

    // ---- life cycle ----

    @Override
    public CompletionStage<Void> start() {
        synchronized (lock) {
            if (state == WebPubSubClientState.STOPPING) {
                return CompletableFuture.failedStage(
                        new IllegalStateException("The client is stopping; start it again once stop() completed"));
            }
            if (state == WebPubSubClientState.STOPPED) {
                state = WebPubSubClientState.CONNECTING;
                generation++;
                started = new CompletableFuture<>();
                attempt = 0;
                connect(generation);
            }
            return started.copy();
        }
    }

    @Override
    public CompletionStage<Void> stop() {
        synchronized (lock) {
            if (state == WebPubSubClientState.STOPPED) {
                return CompletableFuture.completedFuture(null);
            }
            if (state == WebPubSubClientState.STOPPING) {
                return stopped.copy();
            }
            state = WebPubSubClientState.STOPPING;
            generation++;
            stopped = new CompletableFuture<>();
            WebPubSubClientException reason = new WebPubSubClientException("The client was stopped", null, null);
            failStart(reason);
            outbox.failAll(op -> new WebPubSubClientException("The client was stopped before the operation with ackId "
                    + op.ackId + " completed; it may or may not have taken effect", op.ackId, null));
            groups.clear();
            if (link != null) {
                link.close(settings.connectTimeout());
            } else {
                stopped("stopped");
            }
            return stopped.copy();
        }
    }

    @Override
    public void close() {
        try {
            stop().toCompletableFuture().get(settings.connectTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "stop() did not complete", e);
        }
    }

    /** Opens a new connection with a fresh URL from the credential. */
    private void connect(long gen) {
        CompletionStage<String> next;
        try {
            next = Objects.requireNonNull(settings.credential().get(), "the credential returned null");
        } catch (RuntimeException e) {
            next = CompletableFuture.failedStage(e);
        }
        next.whenComplete((accessUrl, error) -> {
            synchronized (lock) {
                if (gen != generation) {
                    return;
                }
                URI uri = error == null ? AccessUrls.client(accessUrl) : null;
                if (uri == null) {
                    Throwable cause = error != null ? error : new IllegalArgumentException(
                            "Invalid client access URL: expected a ws, wss, http or https URL");
                    connectAttemptFailed("the credential failed: " + describe(cause), cause);
                    return;
                }
                url = uri.toString();
                open(Link.Purpose.CONNECT, uri, gen);
            }
        });
    }

    private void open(Link.Purpose purpose, URI uri, long gen) {
        Link opening = new Link(purpose, this);
        link = opening;
        opening.open(http, uri, settings.protocol().subprotocol(), settings.connectTimeout()).thenRun(() -> {
            if (purpose == Link.Purpose.RECOVER) {
                // any answer proves the recovered connection is live; a refused one is closed with 1008 instead
                synchronized (lock) {
                    if (link == opening) {
                        opening.send(() -> PING);
                    }
                }
            }
        });
        later(settings.connectTimeout(), gen, () -> {
            if (link == opening && !opening.connected) {
                opening.abort("no answer within the connect timeout of " + settings.connectTimeout());
            }
        });
    }

    // ---- what the WebSocket reports (reader thread) ----

    @Override
    public void onText(Link from, String text) {
        JsonObject frame = Frames.parse(text);
        if (frame == null) {
            return;
        }
        synchronized (lock) {
            if (from != link) {
                return;
            }
            if (from.purpose == Link.Purpose.RECOVER && !from.connected) {
                recovered(from);
            }
            switch (frame.getString("type", "")) {
                case "system" -> onSystem(from, frame);
                case "ack" -> outbox.acknowledge(frame);
                case "message" -> onMessage(from, frame);
                default -> {
                    // pong and frames of newer protocol versions
                }
            }
        }
    }

    private void onSystem(Link from, JsonObject frame) {
        String event = frame.getString("event", "");
        if ("disconnected".equals(event)) {
            serviceMessage = Frames.string(frame, "message");
            sessionEnded = true;
        } else if ("connected".equals(event)) {
            String token = Frames.string(frame, "reconnectionToken");
            if (token != null) {
                reconnectionToken = token;
            }
            if (from.purpose == Link.Purpose.CONNECT && !from.connected) {
                connected(from, Frames.string(frame, "connectionId"), Frames.string(frame, "userId"));
            }
        }
    }

    private void connected(Link from, String id, String user) {
        from.connected = true;
        connectionId = id;
        userId = user;
        sequenceAcks.newConnection();
        sessionEnded = false;
        serviceMessage = null;
        attempt = 0;
        state = WebPubSubClientState.CONNECTED;
        fire(l -> l.onConnected(new ConnectedEvent(id, user)));
        if (started != null && !started.isDone()) {
            // after onConnected, like stop() after onStopped
            CompletableFuture<Void> done = started;
            listeners.afterEvents(() -> done.complete(null));
        }
        for (String group : new ArrayList<>(groups)) {
            rejoin(group);
        }
        outbox.flush(from);
    }

    private void recovered(Link from) {
        from.connected = true;
        state = WebPubSubClientState.CONNECTED;
        outbox.resend(from);
        outbox.flush(from);
    }

    private void onMessage(Link from, JsonObject frame) {
        Long sequenceId = Frames.number(frame, "sequenceId");
        if (sequenceId != null && settings.protocol().isReliable() && !sequenceAcks.received(sequenceId, from)) {
            return;
        }
        WebPubSubData data;
        try {
            data = Frames.payload(frame);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Ignored a message with an unreadable payload: " + e);
            return;
        }
        if ("group".equals(Frames.string(frame, "from"))) {
            GroupMessage message = new GroupMessage(Frames.string(frame, "group"),
                    Frames.string(frame, "fromUserId"), data, sequenceId);
            fire(l -> l.onGroupMessage(message));
        } else {
            ServerMessage message = new ServerMessage(data, sequenceId);
            fire(l -> l.onServerMessage(message));
        }
    }

    @Override
    public void onEnd(Link from, int code, String reason) {
        synchronized (lock) {
            if (from != link) {
                return;
            }
            link = null;
            sequenceAcks.linkEnded();
            String why = code < 0 ? reason : "closed with " + code + (reason == null || reason.isEmpty() ? ""
                    : " " + reason);
            if (state == WebPubSubClientState.STOPPING) {
                stopped(serviceMessage != null ? serviceMessage : "stopped");
            } else if (state == WebPubSubClientState.STOPPED) {
                return;
            } else if (!from.connected && from.purpose == Link.Purpose.CONNECT) {
                connectAttemptFailed(why, from.failure());
            } else if (!from.connected && code != 1008 && System.nanoTime() < recoveryDeadline) {
                later(RECOVERY_RETRY, generation, this::recover);
            } else if (from.connected && code != 1008 && !sessionEnded && settings.protocol().isReliable()
                    && reconnectionToken != null) {
                state = WebPubSubClientState.RECOVERING;
                recoveryDeadline = System.nanoTime() + settings.recoveryTimeout().toNanos();
                recover();
            } else {
                sessionLost(serviceMessage != null ? serviceMessage : why);
            }
        }
    }

    private void recover() {
        if (state == WebPubSubClientState.RECOVERING && link == null) {
            open(Link.Purpose.RECOVER, AccessUrls.recovery(url, connectionId, reconnectionToken), generation);
        }
    }

    /** The connection cannot come back: fail what it was acknowledging, then reconnect or stop. */
    private void sessionLost(String reason) {
        String id = connectionId;
        outbox.failAwaiting(op -> new WebPubSubClientException("The connection ended before the service"
                + " acknowledged ackId " + op.ackId + "; the operation may or may not have taken effect",
                op.ackId, null));
        connectionId = null;
        userId = null;
        reconnectionToken = null;
        fire(l -> l.onDisconnected(new DisconnectedEvent(id, reason)));
        if (settings.autoReconnect()) {
            state = WebPubSubClientState.RECONNECTING;
            attempt = 0;
            reconnect();
        } else {
            giveUp("the connection ended and auto-reconnect is off");
        }
    }

    private void reconnect() {
        attempt++;
        if (attempt > settings.maxReconnectAttempts()) {
            giveUp("no new connection after " + settings.maxReconnectAttempts() + " attempts");
            return;
        }
        later(settings.reconnectDelay(attempt), generation, () -> {
            if (state == WebPubSubClientState.RECONNECTING && link == null) {
                connect(generation);
            }
        });
    }

    private void connectAttemptFailed(String why, Throwable cause) {
        link = null;
        if (state == WebPubSubClientState.CONNECTING) {
            generation++;
            WebPubSubClientException error = new WebPubSubClientException("Could not connect: " + why, null, cause);
            failStart(error);
            outbox.failAll(op -> new WebPubSubClientException(
                    "The client could not connect; the operation was not sent", op.ackId, cause));
            state = WebPubSubClientState.STOPPED;
        } else if (state == WebPubSubClientState.RECONNECTING) {
            LOG.log(System.Logger.Level.INFO, "Reconnect attempt " + attempt + " failed: " + why);
            reconnect();
        }
    }

    /** Stops by itself: reconnecting is off or exhausted. */
    private void giveUp(String why) {
        generation++;
        outbox.failAll(op -> new WebPubSubClientException(
                "The client stopped (" + why + "); the operation was not sent", op.ackId, null));
        groups.clear();
        state = WebPubSubClientState.STOPPING;
        stopped = new CompletableFuture<>();
        stopped(why);
    }

    private void stopped(String reason) {
        String id = connectionId;
        boolean wasConnected = id != null;
        connectionId = null;
        userId = null;
        reconnectionToken = null;
        link = null;
        state = WebPubSubClientState.STOPPED;
        if (wasConnected) {
            fire(l -> l.onDisconnected(new DisconnectedEvent(id, reason)));
        }
        fire(WebPubSubClientListener::onStopped);
        CompletableFuture<Void> done = stopped;
        listeners.afterEvents(() -> done.complete(null));
    }

    // ---- operations ----

    @Override
    public CompletionStage<WebPubSubResult> joinGroup(String group) {
        return joinGroup(group, null);
    }

    @Override
    public CompletionStage<WebPubSubResult> joinGroup(String group, Long ackId) {
        return membership("joinGroup", group, ackId, name -> {
            if (settings.autoRejoinGroups()) {
                groups.add(name);
            }
        });
    }

    @Override
    public CompletionStage<WebPubSubResult> leaveGroup(String group) {
        return leaveGroup(group, null);
    }

    @Override
    public CompletionStage<WebPubSubResult> leaveGroup(String group, Long ackId) {
        return membership("leaveGroup", group, ackId, groups::remove);
    }

    private CompletionStage<WebPubSubResult> membership(String type, String group, Long ackId,
            Consumer<String> onSuccess) {
        String name = name(group, "group");
        long id = ackId != null ? ackId : ackIds.incrementAndGet();
        return submit(id, Frames.membership(type, name, id), () -> onSuccess.accept(name));
    }

    @Override
    public CompletionStage<WebPubSubResult> sendToGroup(String group, WebPubSubData content) {
        return sendToGroup(group, content, new SendToGroupOptions());
    }

    @Override
    public CompletionStage<WebPubSubResult> sendToGroup(String group, WebPubSubData content,
            SendToGroupOptions options) {
        String name = name(group, "group");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(options, "options");
        Long id = ackId(options.isFireAndForget(), options.getAckId());
        return submit(id, Frames.sendToGroup(name, id, options.isNoEcho(), content), null);
    }

    @Override
    public CompletionStage<WebPubSubResult> sendEvent(String event, WebPubSubData content) {
        return sendEvent(event, content, new SendEventOptions());
    }

    @Override
    public CompletionStage<WebPubSubResult> sendEvent(String event, WebPubSubData content, SendEventOptions options) {
        String name = name(event, "event");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(options, "options");
        Long id = ackId(options.isFireAndForget(), options.getAckId());
        return submit(id, Frames.event(name, id, content), null);
    }

    private Long ackId(boolean fireAndForget, Long given) {
        if (fireAndForget && given != null) {
            throw new IllegalArgumentException("Invalid 'ackId': a fire-and-forget send has no ack id");
        }
        return fireAndForget ? null : given != null ? given : ackIds.incrementAndGet();
    }

    private static String name(String value, String parameter) {
        Objects.requireNonNull(value, parameter);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Invalid '" + parameter + "': the " + parameter + " name is empty");
        }
        return value;
    }

    private CompletionStage<WebPubSubResult> submit(Long ackId, String frame, Runnable onSuccess) {
        int size = Frames.utf8Length(frame);
        if (size > settings.maxMessageSize()) {
            throw new IllegalArgumentException("Invalid 'content': the message takes " + size
                    + " bytes, more than the maximum message size of " + settings.maxMessageSize() + " bytes");
        }
        Operation op = new Operation(ackId, frame, onSuccess);
        synchronized (lock) {
            if (state == WebPubSubClientState.STOPPED || state == WebPubSubClientState.STOPPING) {
                return CompletableFuture.failedStage(new IllegalStateException("The client is "
                        + state.name().toLowerCase(java.util.Locale.ROOT) + "; call start() first"));
            }
            outbox.checkAckIdFree(ackId);
            if (state == WebPubSubClientState.CONNECTED) {
                outbox.write(op, link);
            } else {
                outbox.hold(op);
            }
        }
        return op.result.copy();
    }

    private void rejoin(String group) {
        long ackId = ackIds.incrementAndGet();
        Operation join = new Operation(ackId, Frames.membership("joinGroup", group, ackId), null);
        join.result.whenComplete((r, error) -> {
            if (error != null) {
                synchronized (lock) {
                    if (state == WebPubSubClientState.STOPPED || state == WebPubSubClientState.STOPPING) {
                        return;
                    }
                    groups.remove(group);
                }
                fire(l -> l.onRejoinGroupFailed(new RejoinGroupFailedEvent(group, error)));
            }
        });
        outbox.write(join, link);
    }

    private void failStart(Throwable error) {
        if (started != null && !started.isDone()) {
            CompletableFuture<Void> failing = started;
            completions.execute(() -> failing.completeExceptionally(error));
        }
    }

    // ---- helpers ----

    private void fire(Consumer<WebPubSubClientListener> event) {
        listeners.fire(event);
    }

    /** Runs {@code task} under the lock after {@code delay}, unless the client was started or stopped since. */
    private void later(Duration delay, long gen, Runnable task) {
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, SHARED).execute(() -> {
            synchronized (lock) {
                if (gen == generation) {
                    task.run();
                }
            }
        });
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                ? e.getCause() : e;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    @Override
    public void addListener(WebPubSubClientListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(WebPubSubClientListener listener) {
        listeners.remove(listener);
    }

    @Override
    public WebPubSubClientState state() {
        synchronized (lock) {
            return state;
        }
    }

    @Override
    public String connectionId() {
        synchronized (lock) {
            return connectionId;
        }
    }

    @Override
    public String userId() {
        synchronized (lock) {
            return userId;
        }
    }

    /** The state and connection id; never the URL (it carries the access token). */
    @Override
    public String toString() {
        synchronized (lock) {
            return "WebPubSubClient[" + state + (connectionId == null ? "" : ", " + connectionId) + "]";
        }
    }
}
