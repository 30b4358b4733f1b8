package io.webpubsub.bench.emulator;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

import io.webpubsub.bench.common.ConnStr;
import io.webpubsub.bench.common.Fields;
import io.webpubsub.bench.common.Histogram;
import io.webpubsub.bench.common.Tokens;

/**
 * Child JVM: the load generator for the emulator benchmarks, identical for the emulator and the bare-Jetty floor.
 * It holds WebSocket clients (Jetty 12 client, subprotocol {@code json.webpubsub.azure.v1}, one token per
 * connection with user {@code u<i>} and initial group {@code fan}) and sends REST requests (the JDK HttpClient for
 * fan-out, {@link FixedRateSender} for the fixed-rate latency run).
 * Commands on stdin, one reply line each:
 * <ul>
 * <li>{@code open <total>}: connects until {@code total} connections have received their {@code connected} frame;
 * replies {@code OPENED total= failed= ms=}</li>
 * <li>{@code fanout mode=all|group msgs=M window=W timeout=S}: sends M text messages by REST (send to all, or to
 * group {@code fan}), at most W not yet delivered to every connection; replies {@code FANOUT} with delivered
 * messages per second and delivery latency (REST call start to frame received, CLOCK_MONOTONIC across
 * processes)</li>
 * <li>{@code rest rate=R secs=S conns=C}: open-loop sendToGroup (group without members) at a fixed rate over C
 * keep-alive connections ({@link FixedRateSender}), latency measured from each request's due time; replies
 * {@code REST}</li>
 * </ul>
 * Args: connectionString hub
 */
public final class WsLoad {
    static final String GROUP = "fan";
    private static final int MAX_HANDSHAKES_IN_FLIGHT = 200;

    private final ConnStr cs;
    private final String hub;
    private final WebSocketClient ws;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger closedByServer = new AtomicInteger();
    private final Queue<Histogram> histograms = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Histogram> histogram = ThreadLocal.withInitial(() -> {
        Histogram h = new Histogram();
        histograms.add(h);
        return h;
    });
    private volatile Fanout fanout;

    private WsLoad(ConnStr cs, String hub) throws Exception {
        this.cs = cs;
        this.hub = hub;
        this.ws = client("ws-client", MAX_HANDSHAKES_IN_FLIGHT * 2, MAX_HANDSHAKES_IN_FLIGHT * 4,
                Duration.ofMinutes(10));
    }

    /** A started Jetty WebSocket client on 16 threads. */
    static WebSocketClient client(String threadName, int maxConnections, int maxQueued, Duration idleTimeout)
            throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(16, 4);
        threads.setName(threadName);
        org.eclipse.jetty.client.HttpClient jetty = new org.eclipse.jetty.client.HttpClient();
        jetty.setExecutor(threads);
        jetty.setMaxConnectionsPerDestination(maxConnections);
        jetty.setMaxRequestsQueuedPerDestination(maxQueued);
        WebSocketClient client = new WebSocketClient(jetty);
        client.setIdleTimeout(idleTimeout);
        client.start();
        return client;
    }

    /** One command line: its name, its {@code key=value} options and everything after the name. */
    @FunctionalInterface
    interface Commands {
        String reply(String name, Map<String, String> options, String rest) throws Exception;
    }

    /** Prints READY, then answers every stdin line with one reply line until stdin closes. */
    static void serve(Commands commands) throws Exception {
        System.out.println("READY");
        System.out.flush();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] parts = line.split(" ", 2);
                String rest = parts.length > 1 ? parts[1] : "";
                System.out.println(commands.reply(parts[0], Fields.parse(rest), rest));
                System.out.flush();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        WsLoad load = new WsLoad(ConnStr.parse(args[0]), args[1]);
        serve((name, o, rest) -> switch (name) {
            case "open" -> load.open(Integer.parseInt(rest.trim()));
            case "fanout" -> load.fanout(o.get("mode"), Integer.parseInt(o.get("msgs")),
                    Integer.parseInt(o.get("window")), Integer.parseInt(o.get("timeout")));
            case "rest" -> load.rest(Integer.parseInt(o.get("rate")), Double.parseDouble(o.get("secs")),
                    Integer.parseInt(o.getOrDefault("conns", "8")));
            default -> "ERROR unknown command " + name;
        });
        for (Session s : load.sessions) {
            s.close();
        }
        System.exit(0);
    }

    private String open(int total) throws Exception {
        long t0 = System.nanoTime();
        Semaphore inFlight = new Semaphore(MAX_HANDSHAKES_IN_FLIGHT);
        AtomicInteger failed = new AtomicInteger();
        String base = cs.wsEndpoint() + "/client/hubs/" + hub;
        int start = sessions.size();
        CountDownLatchish pending = new CountDownLatchish(total - start);
        for (int i = start; i < total; i++) {
            if (!inFlight.tryAcquire(60, TimeUnit.SECONDS)) {
                break;
            }
            String token = Tokens.client(cs.key(), cs.endpoint(), hub, "u" + i, List.of(GROUP));
            ClientUpgradeRequest req = new ClientUpgradeRequest();
            req.setSubProtocols("json.webpubsub.azure.v1");
            Listener listener = new Listener(inFlight, pending);
            CompletableFuture<Session> f;
            try {
                f = ws.connect(listener, URI.create(base + "?access_token=" + token + "&floor_group=" + GROUP), req);
            } catch (Exception e) {
                f = CompletableFuture.failedFuture(e);
            }
            f.whenComplete((s, e) -> {
                if (e != null) {
                    failed.incrementAndGet();
                    listener.release();
                }
            });
        }
        pending.await(120);
        return String.format(Locale.ROOT, "OPENED total=%d failed=%d ms=%d", sessions.size(), failed.get(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** Counts connections that are open and have seen their first ({@code connected}) frame, or failed. */
    private static final class CountDownLatchish {
        private final java.util.concurrent.CountDownLatch latch;

        CountDownLatchish(int n) {
            latch = new java.util.concurrent.CountDownLatch(Math.max(0, n));
        }

        void done() {
            latch.countDown();
        }

        void await(int seconds) throws InterruptedException {
            latch.await(seconds, TimeUnit.SECONDS);
        }
    }

    public final class Listener implements Session.Listener.AutoDemanding {
        private final Semaphore inFlight;
        private final CountDownLatchish pending;
        private boolean released;
        private Session session;

        Listener(Semaphore inFlight, CountDownLatchish pending) {
            this.inFlight = inFlight;
            this.pending = pending;
        }

        synchronized void release() {
            if (!released) {
                released = true;
                inFlight.release();
                pending.done();
            }
        }

        @Override
        public void onWebSocketOpen(Session s) {
            session = s;
        }

        @Override
        public void onWebSocketText(String text) {
            if (!released && text.contains("\"connected\"")) {
                sessions.add(session);
                release();
                return;
            }
            Fanout f = fanout;
            if (f != null) {
                f.received(text, histogram.get());
            }
        }

        @Override
        public void onWebSocketClose(int status, String reason) {
            if (released) {
                closedByServer.incrementAndGet();
                sessions.remove(session);
            }
            release();
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            release();
        }
    }

    /** One fan-out run: per message, how many connections got it. */
    private static final class Fanout {
        final int connections;
        final AtomicIntegerArray delivered;
        final AtomicInteger complete = new AtomicInteger();
        final AtomicLong deliveries = new AtomicLong();
        final AtomicLong lastDelivery = new AtomicLong();
        final long[] sentAt;

        Fanout(int connections, int msgs) {
            this.connections = connections;
            this.delivered = new AtomicIntegerArray(msgs);
            this.sentAt = new long[msgs];
        }

        void received(String frame, Histogram hist) {
            long now = System.nanoTime();
            int s = frame.indexOf("s=");
            int t = frame.indexOf(";t=", s);
            if (s < 0 || t < 0) {
                return;
            }
            int seq = Integer.parseInt(frame, s + 2, t, 10);
            int end = t + 3;
            while (end < frame.length() && Character.isDigit(frame.charAt(end))) {
                end++;
            }
            long sent = Long.parseLong(frame, t + 3, end, 10);
            hist.recordNanos(now - sent);
            deliveries.incrementAndGet();
            lastDelivery.accumulateAndGet(now, Math::max);
            if (delivered.incrementAndGet(seq) == connections) {
                complete.incrementAndGet();
            }
        }
    }

    private String fanout(String mode, int msgs, int window, int timeoutSeconds) throws Exception {
        for (Histogram h : histograms) {
            h.reset();
        }
        int n = sessions.size();
        int closedBefore = closedByServer.get();
        Fanout f = new Fanout(n, msgs);
        fanout = f;
        String path = mode.equals("group") ? "/api/hubs/" + hub + "/groups/" + GROUP + "/:send" : "/api/hubs/" + hub
                + "/:send";
        String url = cs.endpoint() + path + "?api-version=2024-12-01";
        String auth = "Bearer " + Tokens.rest(cs.key(), url);
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        int errors = 0;
        int sent = 0;
        for (; sent < msgs && System.nanoTime() < deadline; sent++) {
            while (sent - f.complete.get() >= window && System.nanoTime() < deadline) {
                LockSupport.parkNanos(20_000);
            }
            long now = System.nanoTime();
            HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("s=" + sent + ";t="
                            + now)).build();
            if (http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() != 202) {
                errors++;
            }
        }
        while (f.complete.get() < sent && System.nanoTime() < deadline) {
            LockSupport.parkNanos(100_000);
        }
        Thread.sleep(50);
        fanout = null;
        Histogram all = new Histogram();
        for (Histogram h : histograms) {
            all.add(h);
        }
        double secs = (f.lastDelivery.get() - t0) / 1e9;
        return String.format(Locale.ROOT, "FANOUT connections=%d sent=%d delivered=%d expected=%d secs=%.3f "
                        + "msgsPerSec=%.0f p50us=%.0f p99us=%.0f errors=%d closedByServer=%d", n, sent,
                f.deliveries.get(), (long) sent * n, secs, f.deliveries.get() / secs, all.percentileMicros(50),
                all.percentileMicros(99), errors, closedByServer.get() - closedBefore);
    }

    private String rest(int rate, double secs, int connections) throws Exception {
        String url = cs.endpoint() + "/api/hubs/" + hub + "/groups/rest-empty/:send?api-version=2024-12-01";
        FixedRateSender sender = new FixedRateSender(URI.create(url), "Bearer " + Tokens.rest(cs.key(), url),
                connections);
        return sender.run(rate, secs).line(rate);
    }
}
