package io.webpubsub.emulator;

import io.webpubsub.emulator.support.Rest;
import io.webpubsub.emulator.support.WsClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parallel clients: state stays consistent, fan-out loses nothing, a slow client never stalls the others. */
class ConcurrencyTest {
    private static final String JSON = "json.webpubsub.azure.v1";
    private static final String V = "?api-version=2024-12-01";
    static WebPubSubEmulator emulator;
    static Rest rest;

    @BeforeAll
    static void start() {
        emulator = WebPubSubEmulator.builder().start();
        rest = new Rest(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static <T> List<T> parallel(int n, java.util.function.IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> task.apply(k)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelJoinsSendsAndLeavesStayConsistent() throws Exception {
        int clients = 12;
        int messages = 10;
        String hub = "conc";
        List<String> roles = List.of("webpubsub.joinLeaveGroup", "webpubsub.sendToGroup");
        List<WsClient> ws = parallel(clients, i -> WsClient.connect(rest.clientUrl(hub, "user" + i, roles,
                List.of()), JSON));
        try {
            List<String> ids = ws.stream().map(c -> c.nextJson().getString("connectionId")).toList();
            parallel(clients, i -> {
                ws.get(i).send("{\"type\":\"joinGroup\",\"group\":\"shared\",\"ackId\":1}");
                assertEquals("{\"type\":\"ack\",\"ackId\":1,\"success\":true}", ws.get(i).nextText());
                return null;
            });
            assertEquals(Set.copyOf(ids), listGroup(hub, "shared"));
            parallel(clients, i -> {
                for (int m = 0; m < messages; m++) {
                    ws.get(i).send("{\"type\":\"sendToGroup\",\"group\":\"shared\",\"dataType\":\"text\",\"data\":\""
                            + i + ":" + m + "\"}");
                }
                return null;
            });
            for (WsClient c : ws) {
                Map<String, Integer> lastPerSender = new HashMap<>();
                for (int k = 0; k < clients * messages; k++) {
                    JsonObject msg = c.nextJson();
                    String[] parts = msg.getString("data").split(":");
                    int previous = lastPerSender.getOrDefault(parts[0], -1);
                    // per sender, messages arrive in order
                    assertEquals(previous + 1, Integer.parseInt(parts[1]));
                    lastPerSender.put(parts[0], previous + 1);
                }
                c.assertNoFrame(0);
            }
            // half leave through messages while the REST API removes the other half, concurrently
            parallel(clients, i -> {
                if (i % 2 == 0) {
                    ws.get(i).send("{\"type\":\"leaveGroup\",\"group\":\"shared\",\"ackId\":2}");
                    ws.get(i).nextText();
                } else if (i % 4 == 1) {
                    assertEquals(204, rest.call("DELETE", "/api/hubs/" + hub + "/groups/shared/connections/"
                            + ids.get(i) + V).statusCode());
                }
                return null;
            });
            Set<String> remaining = new HashSet<>();
            for (int i = 0; i < clients; i++) {
                if (i % 2 == 1 && i % 4 != 1) {
                    remaining.add(ids.get(i));
                }
            }
            assertEquals(remaining, listGroup(hub, "shared"));
            parallel(clients, i -> rest.call("DELETE", "/api/hubs/" + hub + "/connections/" + ids.get(i) + V)
                    .statusCode());
            assertEquals(Set.of(), listGroup(hub, "shared"));
            assertEquals(404, rest.call("HEAD", "/api/hubs/" + hub + "/groups/shared" + V).statusCode());
            for (int i = 0; i < clients; i++) {
                assertEquals(404, rest.call("HEAD", "/api/hubs/" + hub + "/users/user" + i + V).statusCode());
            }
        } finally {
            ws.forEach(WsClient::close);
        }
    }

    private static Set<String> listGroup(String hub, String group) {
        return Rest.json(rest.call("GET", "/api/hubs/" + hub + "/groups/" + group + "/connections" + V).body())
                .getJsonArray("value").stream().map(v -> v.asJsonObject().getString("connectionId"))
                        .collect(Collectors.toSet());
    }

    @Test
    void slowClientIsDroppedWithoutStallingOthers() throws Exception {
        String hub = "slow";
        try (WebPubSubEmulator small = WebPubSubEmulator.builder().outboundQueueLimit(16).start()) {
            slowClient(small, new Rest(small), hub);
        }
    }

    private static void slowClient(WebPubSubEmulator emulator, Rest rest, String hub) throws Exception {
        WsClient slow = WsClient.connectPaused(rest.clientUrl(hub, "slow", List.of(), List.of()), JSON);
        try (WsClient fast = WsClient.connect(rest.clientUrl(hub, "fast", List.of(), List.of()), JSON)) {
            fast.nextJson();
            String chunk = "x".repeat(256 * 1024);
            int count = 120;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                assertEquals(202, rest.call("POST", "/api/hubs/" + hub + "/:send" + V, "text/plain", i + chunk)
                        .statusCode());
            }
            for (int i = 0; i < count; i++) {
                String data = fast.nextJson().getString("data");
                assertTrue(data.startsWith(i + "x"), "message " + i);
            }
            assertTrue(System.nanoTime() - start < 30_000_000_000L);
            for (int i = 0; i < 100 && rest.call("HEAD", "/api/hubs/" + hub + "/users/slow" + V)
                    .statusCode() == 200; i++) {
                Thread.sleep(50);
            }
            assertEquals(404, rest.call("HEAD", "/api/hubs/" + hub + "/users/slow" + V).statusCode());
            assertEquals(200, rest.call("HEAD", "/api/hubs/" + hub + "/users/fast" + V).statusCode());
        } finally {
            slow.abort();
        }
    }
}
