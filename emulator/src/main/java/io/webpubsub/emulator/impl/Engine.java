package io.webpubsub.emulator.impl;

import io.webpubsub.emulator.EventHandler;
import io.webpubsub.emulator.HubSnapshot;
import io.webpubsub.emulator.impl.auth.Jwt;
import io.webpubsub.emulator.impl.auth.TokenValidator;
import io.webpubsub.emulator.impl.fault.FaultRules;
import io.webpubsub.emulator.impl.hub.ClientConnection;
import io.webpubsub.emulator.impl.hub.Delivery;
import io.webpubsub.emulator.impl.hub.Frames;
import io.webpubsub.emulator.impl.hub.Hub;
import io.webpubsub.emulator.impl.hub.Payload;
import io.webpubsub.emulator.impl.hub.Transport;
import io.webpubsub.emulator.impl.upstream.Upstream;
import io.webpubsub.emulator.impl.Jsons;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The emulated service: hubs and their connections, connection lifecycle (including reliable recovery), group
 * membership, fan-out and the upstream events these cause. Transport-neutral: the REST API and the WebSocket endpoint
 * call into it.
 */
public final class Engine implements AutoCloseable {
    /** Close code for ending a connection normally. */
    public static final int NORMAL = 1000;
    /** Close code for refused recovery and policy violations. */
    public static final int POLICY_VIOLATION = 1008;

    private static final int RECORDED_BYTES = 64 * 1024;

    private final EmulatorSettings settings;
    private final Clock clock;
    private final Map<String, Hub> hubs = new ConcurrentHashMap<>();
    private final Map<String, List<EventHandler>> handlers = new ConcurrentHashMap<>();
    private volatile java.util.function.Function<String, List<EventHandler>> handlerDefaults = hub -> List.of();
    private final TokenValidator validator;
    private final LiveTrace trace;
    private final ScheduledExecutorService scheduler;
    private final HttpClient httpClient;
    private final java.util.concurrent.ExecutorService upstreamExecutor;
    private final Upstream upstream;
    private final String reconnectionSecret;
    private final FaultRules faults = new FaultRules();

    /** @param origin supplies {@code WebHook-Request-Origin}, the endpoint's {@code host:port} */
    public Engine(EmulatorSettings settings, java.util.function.Supplier<String> origin, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.handlers.putAll(settings.eventHandlers());
        this.validator = new TokenValidator(settings.keys(), settings.entraTokens(), clock);
        this.trace = new LiveTrace(settings.liveTrace(), clock);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "webpubsub-emulator-scheduler");
            t.setDaemon(true);
            return t;
        });
        // completions of upstream calls never block: a few threads serve any number of pending events, and they end
        // when idle so that a storm of events leaves no threads behind
        java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(4, 4, 5,
                TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "webpubsub-emulator-upstream");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        this.upstreamExecutor = pool;
        this.httpClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(upstreamExecutor).build();
        this.upstream = new Upstream(httpClient, settings.keys(), origin, settings.upstreamRetryDelays(),
                settings.upstreamTimeout(), scheduler, trace, clock, faults);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.reconnectionSecret = Base64.getEncoder().encodeToString(secret);
        long keepAlive = settings.keepAliveInterval().toMillis();
        scheduler.scheduleAtFixedRate(this::pingAll, keepAlive, keepAlive, TimeUnit.MILLISECONDS);
    }

    /** The settings. */
    public EmulatorSettings settings() {
        return settings;
    }

    /** The token validator. */
    public TokenValidator validator() {
        return validator;
    }

    /** The live trace. */
    public LiveTrace trace() {
        return trace;
    }

    /** The upstream client. */
    public Upstream upstream() {
        return upstream;
    }

    /** The injected faults. */
    public FaultRules faults() {
        return faults;
    }

    /** Runs {@code task} once after {@code delay} on the scheduler thread; the task must not block. */
    public void schedule(Runnable task, Duration delay) {
        scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The clock. */
    public Clock clock() {
        return clock;
    }

    /** A hub by name (any case), created on first use. */
    public Hub hub(String name) {
        return hubs.computeIfAbsent(name.toLowerCase(Locale.ROOT), Hub::new);
    }

    /** Replaces a hub's event handlers. */
    public void eventHandlers(String hub, List<EventHandler> list) {
        handlers.put(hub.toLowerCase(Locale.ROOT), List.copyOf(list));
    }

    /**
     * Sets where hubs without handlers of their own get them: asked once per hub (lower-case name) when the hub
     * first needs its handlers; the answer is kept as if set with {@link #eventHandlers(String, List)}.
     */
    public void eventHandlerDefaults(java.util.function.Function<String, List<EventHandler>> defaults) {
        this.handlerDefaults = java.util.Objects.requireNonNull(defaults, "defaults");
    }

    private List<EventHandler> handlersOf(String hub) {
        return handlers.computeIfAbsent(hub.toLowerCase(Locale.ROOT), h -> List.copyOf(handlerDefaults.apply(h)));
    }

    /** Whether anonymous connections are allowed in a hub. */
    public boolean anonymousAllowed(String hub) {
        return settings.anonymousHubs().contains(hub);
    }

    /** The first handler of the hub for a system event, or null. */
    public EventHandler systemHandler(String hub, String event) {
        return handlersOf(hub).stream().filter(h -> h.handlesSystemEvent(event)).findFirst().orElse(null);
    }

    /** The first handler of the hub for a user event, or null. */
    public EventHandler userHandler(String hub, String event) {
        return handlersOf(hub).stream().filter(h -> h.handlesUserEvent(event)).findFirst().orElse(null);
    }

    /** A new connection id: 32 hex characters. */
    public static String newConnectionId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    // ---- lifecycle ----------------------------------------------------------------------------------------------

    /**
     * Registers a new connection on its first WebSocket: adds it to the hub and its initial groups, sends the
     * {@code connected} system message (JSON protocols) and posts the {@code connected} event.
     */
    public void open(ClientConnection c, Transport transport, List<String> initialGroups) {
        Hub hub = hub(c.hub());
        hub.add(c);
        for (String g : initialGroups) {
            join(c, g);
        }
        c.attach(transport, connectedFrame(c));
        trace.log(c.hub(), "connection " + c.id() + " connected" + (c.userId() == null ? "" : " as user " + c.userId())
                + (c.subprotocol() == null ? "" : " with " + c.subprotocol()));
        fire(c, "connected", "{}");
    }

    /** Attaches a recovered reliable connection to a new WebSocket and replays its un-acked messages. */
    public boolean recover(ClientConnection c, Transport transport) {
        Transport old = c.transport();
        if (old != null && old != transport) {
            c.detach(old);
            old.close(NORMAL, "Replaced by a recovered connection");
        }
        boolean ok = c.attach(transport, connectedFrame(c));
        trace.log(c.hub(), "connection " + c.id() + (ok ? " recovered" : " could not be recovered"));
        return ok;
    }

    private String connectedFrame(ClientConnection c) {
        return switch (c.protocol()) {
            case RAW -> null;
            case JSON -> Frames.connected(c.id(), c.userId(), null);
            case RELIABLE -> Frames.connected(c.id(), c.userId(), reconnectionToken(c.id()));
        };
    }

    /**
     * A WebSocket closed. Reliable connections that did not close deliberately (codes other than 1000 and 1005) stay
     * recoverable for the recovery window; everything else ends now.
     */
    public void transportClosed(ClientConnection c, Transport transport, int code, String reason) {
        int attachments = c.detach(transport);
        if (c.isEnded() || c.attached()) {
            return;
        }
        if (c.protocol() == ClientConnection.Protocol.RELIABLE && code != 1000 && code != 1005) {
            trace.log(c.hub(), "connection " + c.id() + " dropped (" + code + "); recoverable for "
                    + settings.recoveryWindow().toSeconds() + " s");
            scheduler.schedule(() -> {
                if (!c.attached() && c.attachments() == attachments) {
                    end(c, "The connection was not recovered in time", NORMAL);
                }
            }, settings.recoveryWindow().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            end(c, reason == null ? "" : reason, NORMAL);
        }
    }

    /**
     * Ends a connection: sends the {@code disconnected} system message (JSON protocols), closes the WebSocket with
     * {@code code} (negative: drop at once), removes it from the hub and posts {@code disconnected}.
     */
    public void end(ClientConnection c, String reason, int code) {
        String frame = c.protocol() == ClientConnection.Protocol.RAW || code < 0 ? null : Frames.disconnected(reason);
        if (!c.end(frame, code, reason)) {
            return;
        }
        Hub hub = hub(c.hub());
        List<String> left = hub.remove(c);
        for (String g : left) {
            fire(c, "left", groupBody(g));
        }
        trace.log(c.hub(), "connection " + c.id() + " disconnected" + (reason == null || reason.isEmpty() ? "" : ": "
                + reason));
        fire(c, "disconnected", Jsons.PROVIDER.createObjectBuilder().add("reason", reason == null ? "" : reason)
                .build().toString());
    }

    /** Ends several connections with the same reason. */
    public void endAll(Collection<ClientConnection> connections, String reason) {
        for (ClientConnection c : connections) {
            end(c, reason, NORMAL);
        }
    }

    /**
     * Drops the WebSockets of matching connections as a network failure would; returns how many. Reliable
     * connections stay recoverable (the transport closes with 1006).
     */
    public int drop(String hubName, Predicate<HubSnapshot.Connection> which) {
        int dropped = 0;
        for (HubSnapshot.Connection view : hub(hubName).snapshot().connections()) {
            ClientConnection c = hub(hubName).connection(view.id());
            Transport t = c == null ? null : c.transport();
            if (t != null && which.test(view)) {
                trace.log(c.hub(), "connection " + c.id() + ": WebSocket dropped by an injected fault");
                t.abort();
                dropped++;
            }
        }
        return dropped;
    }

    /** Ends a client that cannot keep up: dropped at once, not recoverable. */
    public void overflow(ClientConnection c, String reason) {
        trace.log(c.hub(), "connection " + c.id() + " is too slow: " + reason);
        end(c, reason, -1);
    }

    // ---- groups and messages -----------------------------------------------------------------------------------

    /** Adds a connection to a group and posts {@code joined}; false when already a member. */
    public boolean join(ClientConnection c, String group) {
        boolean joined = hub(c.hub()).join(c, group);
        if (joined) {
            trace.log(c.hub(), "connection " + c.id() + " joined group " + group);
            fire(c, "joined", groupBody(group));
        }
        return joined;
    }

    /** Removes a connection from a group and posts {@code left}; false when not a member. */
    public boolean leave(ClientConnection c, String group) {
        boolean left = hub(c.hub()).leave(c, group);
        if (left) {
            trace.log(c.hub(), "connection " + c.id() + " left group " + group);
            fire(c, "left", groupBody(group));
        }
        return left;
    }

    private static String groupBody(String group) {
        return Jsons.PROVIDER.createObjectBuilder().add("group", group).build().toString();
    }

    /** Delivers a message to every target that passes {@code include}. */
    public void publish(String hub, String description, Collection<ClientConnection> targets, Delivery d,
                        Predicate<ClientConnection> include) {
        List<String> ids = new java.util.ArrayList<>();
        for (ClientConnection c : targets) {
            if (include.test(c)) {
                c.deliver(d);
                ids.add(c.id());
            }
        }
        int count = ids.size();
        if (settings.deliveryHistory() > 0) {
            byte[] data = d.payload().data();
            hub(hub).record(new HubSnapshot.Delivery(clock.instant(), description, d.group(),
                    d.payload().type().wireName(), data.length,
                    data.length > RECORDED_BYTES ? java.util.Arrays.copyOf(data, RECORDED_BYTES) : data, ids),
                    settings.deliveryHistory());
        }
        trace.log(hub, description + ": " + d.payload().type().wireName() + " message of " + d.payload().data().length
                + " bytes delivered to " + count + " connection(s)");
    }

    // ---- upstream ------------------------------------------------------------------------------------------------

    /** The source of an event for a connection, with a fresh event id. */
    public Upstream.Source source(ClientConnection c) {
        return new Upstream.Source(c.hub(), c.id(), c.userId(), c.subprotocol(), c.connectionState(), c.nextEventId());
    }

    /** Posts a non-blocking system event if a handler subscribes to it. */
    public void fire(ClientConnection c, String event, String body) {
        EventHandler h = systemHandler(c.hub(), event);
        if (h != null) {
            upstream.post(h, source(c), "azure.webpubsub.sys." + event, event, "application/json; charset=utf-8",
                    body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Posts a user event; completes with null when no handler takes it. A 2xx reply's {@code ce-connectionState}
     * updates the state.
     */
    public CompletableFuture<Upstream.Reply> userEvent(ClientConnection c, String event, Payload payload) {
        EventHandler h = userHandler(c.hub(), event);
        trace.log(c.hub(), "connection " + c.id() + " sent event " + event + " (" + payload.data().length + " bytes)"
                + (h == null ? ", no handler" : ""));
        if (h == null) {
            return CompletableFuture.completedFuture(null);
        }
        return upstream.post(h, source(c), "azure.webpubsub.user." + event, event, payload.type().contentType(),
                payload.data())
                .thenApply(reply -> {
                    if (reply.ok() && reply.connectionState() != null) {
                        c.connectionState(reply.connectionState());
                    }
                    return reply;
                });
    }

    // ---- reliable recovery -----------------------------------------------------------------------------------------

    /** A reconnection token for a connection: HS256 with a per-process secret, audience the connection id, 7 days. */
    public String reconnectionToken(String connectionId) {
        long now = clock.instant().getEpochSecond();
        byte[] jti = new byte[8];
        new SecureRandom().nextBytes(jti);
        return Jwt.sign(Jsons.PROVIDER.createObjectBuilder().add("iss", "https://webpubsub.azure.com").add("aud",
                connectionId)
                .add("jti", HexFormat.of().formatHex(jti)).add("iat", now).add("exp", now + Duration.ofDays(7)
                        .toSeconds())
                .build(), reconnectionSecret);
    }

    /** Whether {@code token} is a valid reconnection token of {@code connectionId}. */
    public boolean validReconnectionToken(String token, String connectionId) {
        try {
            Jwt jwt = Jwt.parse(token);
            Long exp = jwt.numericClaim("exp");
            return jwt.verifiedBy(List.of(reconnectionSecret)) && exp != null
                    && exp >= clock.instant().getEpochSecond() && jwt.stringsClaim("aud").equals(List.of(connectionId));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void pingAll() {
        for (Hub h : hubs.values()) {
            for (ClientConnection c : h.connections()) {
                Transport t = c.transport();
                if (t != null) {
                    t.ping();
                }
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        for (Hub h : hubs.values()) {
            for (ClientConnection c : h.connections()) {
                c.end(null, 1001, "The service is shutting down");
            }
        }
        upstreamExecutor.shutdownNow();
    }
}
