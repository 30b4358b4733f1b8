package io.webpubsub.emulator;

import io.webpubsub.emulator.impl.EmulatorServer;
import io.webpubsub.emulator.impl.EmulatorSettings;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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

    private final EmulatorServer server;
    private final String host;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private final int port;

    private WebPubSubEmulator(EmulatorServer server, String host) {
        this.server = server;
        this.host = host;
        this.port = server.port();
    }

    /** A builder with the defaults: loopback, ephemeral port, {@link #DEFAULT_ACCESS_KEY}, no event handlers. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code Endpoint=http://<host>:<port>;AccessKey=<key>;Version=1.0;} */
    public String connectionString() {
        return "Endpoint=" + endpoint() + ";AccessKey=" + server.engine().settings().primaryKey() + ";Version=1.0;";
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
        server.engine().eventHandlers(hub, handlers);
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
        private List<Duration> upstreamRetryDelays = List.of(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(5));
        private Duration upstreamTimeout = Duration.ofSeconds(100);
        private int outboundQueueLimit = 1000;

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
            this.secondaryAccessKey = secondaryAccessKey == null ? null : checkKey(secondaryAccessKey, "secondaryAccessKey");
            return this;
        }

        private static String checkKey(String key, String name) {
            if (key == null || key.getBytes(StandardCharsets.UTF_8).length < 32) {
                throw new IllegalArgumentException(name + " must have at least 32 bytes");
            }
            if (!key.equals(key.strip()) || key.contains(";") || key.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException(name + " must not contain ';', control characters or surrounding whitespace");
            }
            return key;
        }

        /** Adds an event handler to a hub (after the ones added before). */
        public Builder eventHandler(String hub, EventHandler handler) {
            Objects.requireNonNull(handler, "handler");
            handlers.computeIfAbsent(hubName(hub), k -> new ArrayList<>()).add(handler);
            return this;
        }

        /** Lets clients connect to a hub without an access token (service setting {@code anonymousConnectPolicy=allow}). */
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
         * Accepts Entra-style bearer tokens (audience {@code https://webpubsub.azure.com}) on REST calls without checking
         * their signature, only their lifetime (spec 3.2). Default false.
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
         * Starts the emulator.
         *
         * @throws IllegalStateException when the server cannot start (e.g. the port is taken)
         */
        public WebPubSubEmulator start() {
            Map<String, List<EventHandler>> copy = new LinkedHashMap<>();
            handlers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            EmulatorSettings settings = new EmulatorSettings(host, port, accessKey, secondaryAccessKey, copy,
                    Set.copyOf(anonymousHubs), keepAliveInterval, recoveryWindow, entraTokens, liveTrace,
                    upstreamRetryDelays, upstreamTimeout, outboundQueueLimit);
            try {
                String shownHost = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
                return new WebPubSubEmulator(new EmulatorServer(settings), shownHost);
            } catch (Exception e) {
                throw new IllegalStateException("The Web PubSub emulator could not start on " + host + ":" + port
                        + ": " + e.getMessage(), e);
            }
        }
    }
}
