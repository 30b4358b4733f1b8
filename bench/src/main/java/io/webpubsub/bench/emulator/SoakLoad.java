package io.webpubsub.bench.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

import io.webpubsub.bench.common.ConnStr;
import io.webpubsub.bench.common.Tokens;

/**
 * Child JVM: the soak load. Holds a population of WebSocket clients (json.webpubsub.azure.v1, user {@code s<i>},
 * initial group {@code fan}) with churn, and sends REST traffic, until told to stop. Commands on stdin:
 * <ul>
 * <li>{@code start conns=N churn=C groupSends=G userSends=U}: opens N clients, then every second closes C of them
 * (half with a close frame, half by dropping the TCP connection), opens C new ones, sends G messages to group
 * {@code fan} and U to random users; replies {@code STARTED open= failed=}</li>
 * <li>{@code sample}: replies {@code SAMPLE open= opened= failed= closedByServer= frames= rest= restErrors=
 * serverConns=} (serverConns from the emulator's {@code GET /admin/hubs/{hub}})</li>
 * <li>{@code stop}: stops the traffic, closes every client, waits until the emulator holds none (at most 60 s);
 * replies {@code STOPPED serverConns= ms=}</li>
 * </ul>
 * Args: connectionString hub
 */
public final class SoakLoad {
    private final ConnStr cs;
    private final String hub;
    private final WebSocketClient ws;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<Session, Boolean> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger nextUser = new AtomicInteger();
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong closedByServer = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong rest = new AtomicLong();
    private final AtomicLong restErrors = new AtomicLong();

    private SoakLoad(ConnStr cs, String hub) throws Exception {
        this.cs = cs;
        this.hub = hub;
        this.ws = WsLoad.client("soak-client", 4000, 4000, Duration.ofMinutes(30));
    }

    public static void main(String[] args) throws Exception {
        SoakLoad load = new SoakLoad(ConnStr.parse(args[0]), args[1]);
        WsLoad.serve((name, o, rest) -> switch (name) {
            case "start" -> load.start(Integer.parseInt(o.get("conns")), Integer.parseInt(o.get("churn")),
                    Integer.parseInt(o.get("groupSends")), Integer.parseInt(o.get("userSends")));
            case "sample" -> load.sample();
            case "stop" -> load.stop();
            default -> "ERROR unknown command " + name;
        });
        System.exit(0);
    }

    private String start(int conns, int churn, int groupSends, int userSends) throws Exception {
        CompletableFuture.allOf(java.util.stream.IntStream.range(0, conns).mapToObj(i -> open())
                .toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
        ticker.scheduleAtFixedRate(() -> tick(churn, groupSends, userSends), 1, 1, TimeUnit.SECONDS);
        return "STARTED open=" + sessions.size() + " failed=" + failed.get();
    }

    private void tick(int churn, int groupSends, int userSends) {
        try {
            List<Session> open = List.copyOf(sessions.keySet());
            for (int i = 0; i < churn && i < open.size(); i++) {
                Session s = open.get(ThreadLocalRandom.current().nextInt(open.size()));
                if (sessions.remove(s) != null) { // a client picked twice is replaced once
                    if (i % 2 == 0) {
                        s.close(1000, "churn", Callback.NOOP);
                    } else {
                        s.disconnect();
                    }
                    open();
                }
            }
            for (int i = 0; i < groupSends; i++) {
                send("/api/hubs/" + hub + "/groups/" + WsLoad.GROUP + "/:send");
            }
            int users = Math.max(1, nextUser.get());
            for (int i = 0; i < userSends; i++) {
                send("/api/hubs/" + hub + "/users/s" + ThreadLocalRandom.current().nextInt(users) + "/:send");
            }
        } catch (RuntimeException e) {
            System.err.println("tick failed: " + e);
        }
    }

    /** Completes when the client got its connected frame, or failed. */
    private CompletableFuture<Void> open() {
        String user = "s" + nextUser.getAndIncrement();
        String token = Tokens.client(cs.key(), cs.endpoint(), hub, user, List.of(WsLoad.GROUP));
        ClientUpgradeRequest req = new ClientUpgradeRequest();
        req.setSubProtocols("json.webpubsub.azure.v1");
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Client listener = new Client(ready);
        try {
            ws.connect(listener, URI.create(cs.wsEndpoint() + "/client/hubs/" + hub + "?access_token=" + token), req)
                    .whenComplete((s, e) -> {
                        if (e != null) {
                            if (failed.incrementAndGet() == 1) {
                                System.err.println("first handshake failure: " + e);
                            }
                            ready.complete(null);
                        }
                    });
        } catch (Exception e) {
            failed.incrementAndGet();
            ready.complete(null);
        }
        return ready;
    }

    /** One client; public because Jetty's WebSocket client calls listeners through method handles. */
    public final class Client implements Session.Listener.AutoDemanding {
        private final CompletableFuture<Void> ready;
        private Session session;

        Client(CompletableFuture<Void> ready) {
            this.ready = ready;
        }

        @Override
        public void onWebSocketOpen(Session s) {
            session = s;
        }

        @Override
        public void onWebSocketText(String text) {
            frames.incrementAndGet();
            if (!ready.isDone() && text.contains("\"connected\"")) {
                sessions.put(session, true);
                opened.incrementAndGet();
                ready.complete(null);
            }
        }

        @Override
        public void onWebSocketClose(int status, String reason) {
            if (sessions.remove(session) != null) {
                closedByServer.incrementAndGet();
            }
            ready.complete(null);
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            ready.complete(null);
        }
    }

    private void send(String path) {
        String url = cs.endpoint() + path + "?api-version=2024-12-01";
        HttpRequest req = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + Tokens.rest(cs.key(), url)).header("Content-Type", "text/plain")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("soak " + System.nanoTime())).build();
        rest.incrementAndGet();
        http.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
            if (e != null || r.statusCode() != 202) {
                restErrors.incrementAndGet();
            }
        });
    }

    private int serverConnections() throws Exception {
        String url = cs.endpoint() + "/admin/hubs/" + hub;
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Tokens.rest(cs.key(), url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            return -1;
        }
        String body = r.body();
        int count = 0;
        for (int i = body.indexOf("\"connectionId\""); i >= 0; i = body.indexOf("\"connectionId\"", i + 1)) {
            count++;
        }
        return count;
    }

    private String sample() throws Exception {
        return String.format(Locale.ROOT, "SAMPLE open=%d opened=%d failed=%d closedByServer=%d frames=%d rest=%d "
                        + "restErrors=%d serverConns=%d", sessions.size(), opened.get(), failed.get(),
                closedByServer.get(), frames.get(), rest.get(), restErrors.get(), serverConnections());
    }

    private String stop() throws Exception {
        ticker.shutdownNow();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
        long t0 = System.nanoTime();
        for (Session s : List.copyOf(sessions.keySet())) {
            sessions.remove(s);
            s.close(1000, "done", Callback.NOOP);
        }
        int left = serverConnections();
        while (left != 0 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(60)) {
            Thread.sleep(200);
            left = serverConnections();
        }
        return "STOPPED serverConns=" + left + " ms=" + (System.nanoTime() - t0) / 1_000_000;
    }
}
