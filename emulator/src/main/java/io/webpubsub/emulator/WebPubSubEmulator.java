package io.webpubsub.emulator;

import io.webpubsub.emulator.spi.EmulatorProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A running local Azure Web PubSub service: the REST data plane under {@code /api}, WebSocket clients at
 * {@code /client/hubs/{hub}}, permissions and upstream CloudEvents.
 *
 * <pre>{@code
 * try (WebPubSubEmulator emulator = WebPubSubEmulator.builder()
 *         .eventHandler("chat", EventHandler.url("http://127.0.0.1:8080/webpubsub/{event}")
 *                 .userEvents("*").systemEvents("connect", "connected", "disconnected"))
 *         .start()) {
 *     String connectionString = emulator.connectionString();
 * }
 * }</pre>
 *
 * Thread-safe. {@link #close()} stops the server and frees the port.
 */
public final class WebPubSubEmulator implements AutoCloseable {
    /**
     * The access key used when none is configured: a fixed, documented test key (the one of Microsoft's emulator).
     * Never use it for anything but local tests.
     */
    public static final String DEFAULT_ACCESS_KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

    private final EmulatorProvider.Server server;
    private final String host;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private final int port;

    private WebPubSubEmulator(EmulatorProvider.Server server, String host) {
        this.server = server;
        this.host = host;
        this.port = server.port();
        server.adminFaults(this::inject);
    }

    /** A builder with the defaults: loopback, ephemeral port, {@link #DEFAULT_ACCESS_KEY}, no event handlers. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code Endpoint=http://<host>:<port>;AccessKey=<key>;Version=1.0;} */
    public String connectionString() {
        return "Endpoint=" + endpoint() + ";AccessKey=" + server.primaryKey() + ";Version=1.0;";
    }

    /** {@code http://<host>:<port>} (no trailing slash). */
    public String endpoint() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port();
    }

    /** The port the emulator listens (or, once closed, listened) on. */
    public int port() {
        return port;
    }

    /**
     * Replaces the event handlers of a hub while running, e.g. once the application's port is known. Events already
     * being posted finish with the old handlers.
     *
     * @param hub      hub name (case-insensitive)
     * @param handlers ordered handlers; for each event the first matching one is used; empty removes all
     */
    public void eventHandlers(String hub, List<EventHandler> handlers) {
        Objects.requireNonNull(hub, "hub");
        Objects.requireNonNull(handlers, "handlers");
        server.eventHandlers(hub, handlers);
    }

    /**
     * Gives event handlers to hubs that have none of their own, e.g. to route every hub to one application whose
     * address is only known once it runs. Asked once per hub (with its lower-case name) when the hub first needs its
     * handlers, at its first client connection at the latest; the answer is kept for the hub as if set with
     * {@link #eventHandlers(String, List)}. Hubs with handlers of their own are never asked about.
     *
     * @param defaults the handlers of a hub; an empty list for none. Must not throw: an exception fails the event
     */
    public void eventHandlers(java.util.function.Function<String, List<EventHandler>> defaults) {
        server.eventHandlerDefaults(defaults);
    }

    /**
     * Injects a fault: matching REST operations or event-handler calls fail, slow down or lose their connection until
     * the fault is used up or {@link #clearFaults()} is called. Also available to other processes as
     * {@code POST /admin/faults} (see the README).
     *
     * @throws IllegalArgumentException when a REST fault names an operation the API does not have
     */
    public void inject(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (fault.rest) {
            Set<String> known = server.restOperations();
            List<String> unknown = fault.names.stream().filter(n -> !n.equals("*") && !known.contains(n))
                    .sorted().toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("Unknown REST operation(s) " + unknown + "; known: "
                        + known.stream().sorted().toList());
            }
        }
        server.addFault(fault.rest, fault.names, fault.hub, fault.status, fault.retryAfter, fault.delay, fault.reset,
                fault.times);
        server.trace(fault.hub, "injected " + fault);
    }

    /** Removes every injected fault; the JUnit extension calls it before each test. */
    public void clearFaults() {
        server.clearFaults();
    }

    /**
     * Drops the WebSockets of a hub's matching connections abruptly, as a network failure would (no close frame).
     * Reliable connections stay recoverable for the recovery window; others end.
     *
     * @param hub   hub name (any case)
     * @param which which connections, e.g. {@code c -> c.id().equals(id)} or {@code c -> "alice".equals(c.userId())}
     * @return the number of WebSockets dropped
     */
    public int dropConnections(String hub, java.util.function.Predicate<HubSnapshot.Connection> which) {
        Objects.requireNonNull(hub, "hub");
        Objects.requireNonNull(which, "which");
        return server.drop(hub, which);
    }

    /**
     * What a hub holds now: its connections, users, groups and last deliveries.
     *
     * @param hub hub name (any case); a hub never used is empty
     */
    public HubSnapshot inspect(String hub) {
        Objects.requireNonNull(hub, "hub");
        return server.inspect(hub);
    }

    /** Stops the emulator: clients are disconnected, the port is freed. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.close();
        }
    }

    @Override
    public String toString() {
        return "WebPubSubEmulator[" + endpoint() + "]";
    }

    /** Configures and starts an emulator. Not thread-safe; each {@link #start()} starts a new emulator. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String accessKey = DEFAULT_ACCESS_KEY;
        private String secondaryAccessKey;
        private final Map<String, List<EventHandler>> handlers = new LinkedHashMap<>();
        private final Set<String> anonymousHubs = new LinkedHashSet<>();
        private Duration keepAliveInterval = Duration.ofSeconds(20);
        private Duration recoveryWindow = Duration.ofSeconds(30);
        private boolean entraTokens;
        private Consumer<String> liveTrace;
        private List<Duration> upstreamRetryDelays = List.of(Duration.ofSeconds(1), Duration.ofSeconds(3),
                Duration.ofSeconds(5));
        private Duration upstreamTimeout = Duration.ofSeconds(100);
        private int outboundQueueLimit = 1000;
        private long outboundQueueBytes = 16L * 1024 * 1024;
        private int pendingConnectLimit = 100;
        private int deliveryHistory = 100;

        private Builder() {
        }

        /** Interface to bind; default {@code 127.0.0.1}. Use {@code 0.0.0.0} only on trusted networks. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** TCP port; default 0 (a free ephemeral port). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be from 0 to 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The primary access key: at least 32 UTF-8 bytes, no surrounding whitespace, no {@code ;}, no control
         * characters. Default {@link #DEFAULT_ACCESS_KEY}.
         */
        public Builder accessKey(String accessKey) {
            this.accessKey = checkKey(accessKey, "accessKey");
            return this;
        }

        /** An optional secondary access key (same rules); tokens signed with either key are accepted. */
        public Builder secondaryAccessKey(String secondaryAccessKey) {
            this.secondaryAccessKey = secondaryAccessKey == null ? null : checkKey(secondaryAccessKey,
                    "secondaryAccessKey");
            return this;
        }

        private static String checkKey(String key, String name) {
            if (key == null || key.getBytes(StandardCharsets.UTF_8).length < 32) {
                throw new IllegalArgumentException(name + " must have at least 32 bytes");
            }
            if (!key.equals(key.strip()) || key.contains(";") || key.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException(name
                        + " must not contain ';', control characters or surrounding whitespace");
            }
            return key;
        }

        /** Adds an event handler to a hub (after the ones added before). */
        public Builder eventHandler(String hub, EventHandler handler) {
            Objects.requireNonNull(handler, "handler");
            handlers.computeIfAbsent(hubName(hub), k -> new ArrayList<>()).add(handler);
            return this;
        }

        /**
         * Lets clients connect to a hub without an access token (service setting {@code anonymousConnectPolicy=allow}).
         */
        public Builder anonymousConnect(String hub) {
            anonymousHubs.add(hubName(hub));
            return this;
        }

        private static String hubName(String hub) {
            Objects.requireNonNull(hub, "hub");
            if (!hub.matches("^[A-Za-z][A-Za-z0-9_`,.\\[\\]]{0,127}$")) {
                throw new IllegalArgumentException("Invalid hub name '" + hub + "'");
            }
            return hub.toLowerCase(Locale.ROOT);
        }

        /** WebSocket ping interval, 1 to 120 seconds; default 20 s ({@code webSocketKeepAliveIntervalInSeconds}). */
        public Builder keepAliveInterval(Duration interval) {
            if (interval == null || interval.toMillis() < 1000 || interval.toMillis() > 120_000) {
                throw new IllegalArgumentException("keepAliveInterval must be from 1 to 120 seconds, got " + interval);
            }
            this.keepAliveInterval = interval;
            return this;
        }

        /** How long a dropped reliable connection stays recoverable; default 30 s. */
        public Builder recoveryWindow(Duration window) {
            if (window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("recoveryWindow must be positive, got " + window);
            }
            this.recoveryWindow = window;
            return this;
        }

        /**
         * Accepts Entra-style bearer tokens (audience {@code https://webpubsub.azure.com}) on REST calls without
         * checking
         * their signature, only their lifetime. Default false.
         */
        public Builder entraTokens(boolean accept) {
            this.entraTokens = accept;
            return this;
        }

        /** Sends a readable line per hub event (connections, messages, upstream calls) to {@code sink}; default off. */
        public Builder liveTrace(Consumer<String> sink) {
            this.liveTrace = sink;
            return this;
        }

        /**
         * Delays between attempts when an event handler answers 408, 5xx or fails on the network; default 1 s, 3 s, 5 s
         * (four attempts). Empty: no retries.
         */
        public Builder upstreamRetryDelays(List<Duration> delays) {
            this.upstreamRetryDelays = List.copyOf(delays);
            return this;
        }

        /** Timeout of one call to an event handler; default 100 s. */
        public Builder upstreamTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("upstreamTimeout must be positive, got " + timeout);
            }
            this.upstreamTimeout = timeout;
            return this;
        }

        /** Frames that may wait for one slow client before it is dropped; default 1000. */
        public Builder outboundQueueLimit(int frames) {
            if (frames < 1) {
                throw new IllegalArgumentException("outboundQueueLimit must be at least 1, got " + frames);
            }
            this.outboundQueueLimit = frames;
            return this;
        }

        /**
         * Bytes that may wait for one slow client before it is dropped (text frames count one byte per character);
         * default 16 MiB, the size of the reliable protocol's un-acknowledged buffer. A single frame larger than the
         * limit is still sent when nothing else waits.
         */
        public Builder outboundQueueBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("outboundQueueBytes must be at least 1, got " + bytes);
            }
            this.outboundQueueBytes = bytes;
            return this;
        }

        /**
         * {@code connect} events of one hub that may wait for the event handler at once; default 100. A client whose
         * handshake would exceed it is refused with 429 and {@code Retry-After} at once, as a throttled service does.
         */
        public Builder pendingConnectLimit(int calls) {
            if (calls < 1) {
                throw new IllegalArgumentException("pendingConnectLimit must be at least 1, got " + calls);
            }
            this.pendingConnectLimit = calls;
            return this;
        }

        /**
         * Deliveries each hub remembers for {@link WebPubSubEmulator#inspect(String)}; default 100, 0 remembers none.
         * Each keeps at most the first 64 KiB of its message.
         */
        public Builder deliveryHistory(int deliveries) {
            if (deliveries < 0) {
                throw new IllegalArgumentException("deliveryHistory must not be negative, got " + deliveries);
            }
            this.deliveryHistory = deliveries;
            return this;
        }

        /**
         * Starts the emulator.
         *
         * @throws IllegalStateException when the server cannot start (e.g. the port is taken)
         */
        public WebPubSubEmulator start() {
            Map<String, List<EventHandler>> copy = new LinkedHashMap<>();
            handlers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            Map<String, Object> settings = new HashMap<>();
            settings.put("host", host);
            settings.put("port", port);
            settings.put("accessKey", accessKey);
            settings.put("secondaryAccessKey", secondaryAccessKey);
            settings.put("eventHandlers", copy);
            settings.put("anonymousHubs", Set.copyOf(anonymousHubs));
            settings.put("keepAliveInterval", keepAliveInterval);
            settings.put("recoveryWindow", recoveryWindow);
            settings.put("entraTokens", entraTokens);
            settings.put("liveTrace", liveTrace);
            settings.put("upstreamRetryDelays", upstreamRetryDelays);
            settings.put("upstreamTimeout", upstreamTimeout);
            settings.put("outboundQueueLimit", outboundQueueLimit);
            settings.put("outboundQueueBytes", outboundQueueBytes);
            settings.put("pendingConnectLimit", pendingConnectLimit);
            settings.put("deliveryHistory", deliveryHistory);
            EmulatorProvider provider = EmulatorProvider.provider();
            try {
                String shownHost = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
                return new WebPubSubEmulator(provider.start(settings), shownHost);
            } catch (Exception e) {
                throw new IllegalStateException("The Web PubSub emulator could not start on " + host + ":" + port
                        + ": " + e.getMessage(), e);
            }
        }
    }
}
