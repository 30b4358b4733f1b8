package io.webpubsub.emulator;

import io.webpubsub.emulator.impl.Jsons;
import io.webpubsub.emulator.impl.auth.Jwt;
import io.webpubsub.emulator.impl.cli.Main;
import io.webpubsub.emulator.support.Rest;
import io.webpubsub.emulator.support.WsClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Misbehaving peers on loopback (slow and oversized requests, a hanging event handler, a client that stops reading,
 * tricky URLs and frames): each is answered as the service would, and a normal client is served during and after.
 * Bounded: at most a few hundred sockets, every read has a timeout and every wait polls with a bound.
 */
class HostileTrafficTest {
    private static final String JSON = "json.webpubsub.azure.v1";
    private static final String V = "api-version=2024-12-01";
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    @Test
    void slowRequestBodiesHoldNoThreadAndOthersAreServed() throws Exception {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start()) {
            Rest rest = new Rest(emulator);
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 240; i++) {
                    String path = "/api/hubs/slow/:send?" + V;
                    // half without a token (refused), half authorised (the body is awaited)
                    String auth = i % 2 == 0 ? ""
                            : "Authorization: Bearer " + rest.token(emulator.endpoint() + path) + "\r\n";
                    slow.add(open(emulator, "POST " + path + " HTTP/1.1\r\nHost: HOST\r\nContent-Type: text/plain\r\n"
                            + auth + "Content-Length: 100000\r\n\r\nx"));
                }
                assertServesNormalClient(emulator, rest, "slow");
                for (int i = 0; i < slow.size(); i += 2) {
                    String reply = readAll(slow.get(i));
                    assertTrue(reply.startsWith("HTTP/1.1 401 "), reply);
                    assertTrue(reply.contains("Connection: close"), reply);
                }
            } finally {
                closeAll(slow);
            }
            assertServesNormalClient(emulator, rest, "slow");
        }
    }

    @Test
    void hugeContentLengthIsRefusedAtOnceAndRefusedRequestsAreClosed() throws Exception {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start()) {
            Rest rest = new Rest(emulator);
            String path = "/api/hubs/big/:send?" + V;
            long started = System.nanoTime();
            try (Socket s = open(emulator, "POST " + path + " HTTP/1.1\r\nHost: HOST\r\nContent-Type: text/plain\r\n"
                    + "Authorization: Bearer " + rest.token(emulator.endpoint() + path) + "\r\n"
                    + "Content-Length: 100000000000\r\n\r\n")) {
                String reply = readAll(s);
                assertTrue(reply.startsWith("HTTP/1.1 413 "), reply);
                assertTrue(reply.contains("Error.PayloadTooLarge"), reply);
            }
            try (Socket s = open(emulator, "PUT /api/hubs/big/groups/g/connections/c?" + V
                    + " HTTP/1.1\r\nHost: HOST\r\nContent-Length: 5000\r\n\r\n")) {
                String reply = readAll(s);
                assertTrue(reply.startsWith("HTTP/1.1 401 "), reply);
            }
            try (Socket s = open(emulator,
                    "POST /api/nothing HTTP/1.1\r\nHost: HOST\r\nContent-Length: 5000\r\n\r\n")) {
                String reply = readAll(s);
                assertTrue(reply.startsWith("HTTP/1.1 404 "), reply);
            }
            // each readAll returned at end of stream: no socket waited for the idle timeout
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < READ_TIMEOUT_MILLIS / 1000);
            assertServesNormalClient(emulator, rest, "big");
        }
    }

    @Test
    void hangingConnectHandlerHoldsNoThreadAndExcessHandshakesGet429() throws Exception {
        try (ServerSocket hanging = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
             WebPubSubEmulator emulator = WebPubSubEmulator.builder().pendingConnectLimit(40)
                     .upstreamRetryDelays(List.of())
                     .eventHandler("hang", EventHandler.url("http://127.0.0.1:" + hanging.getLocalPort() + "/{event}")
                             .systemEvents("connect"))
                     .start()) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(hanging.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Rest rest = new Rest(emulator);
            assertServesNormalClient(emulator, rest, "calm");
            int baseline = threads();
            List<Socket> handshakes = new ArrayList<>();
            try {
                String path = "/client/hubs/hang?access_token=" + rest.clientToken("hang", "u", List.of(), List.of());
                for (int i = 0; i < 240; i++) {
                    handshakes.add(open(emulator, "GET " + path + " HTTP/1.1\r\nHost: HOST\r\nUpgrade: websocket\r\n"
                            + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"));
                }
                assertServesNormalClient(emulator, rest, "calm");
                // 200 are answered at once; 40 wait for the handler (the validation request hangs for up to 10 s)
                await(() -> answered(handshakes) >= 200, Duration.ofSeconds(8),
                        () -> answered(handshakes) + " answered");
                int throttled = 0;
                for (Socket s : handshakes) {
                    if (s.getInputStream().available() > 0) {
                        String reply = readAll(s);
                        if (reply.startsWith("HTTP/1.1 429 ")) {
                            assertTrue(reply.contains("Retry-After: 1"), reply);
                            throttled++;
                        } else { // one of the 40 whose handler call timed out meanwhile
                            assertTrue(reply.startsWith("HTTP/1.1 500 "), reply);
                        }
                    }
                }
                assertEquals(200, throttled);
            } finally {
                closeAll(handshakes);
                hanging.close();
                closeAll(accepted);
            }
            await(() -> threads() <= baseline + 8, Duration.ofSeconds(40),
                    () -> "threads " + threads() + " > baseline " + baseline + " + 8: "
                            + Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted()
                            .collect(Collectors.joining(", ")));
            assertServesNormalClient(emulator, rest, "calm");
        }
    }

    @Test
    void clientThatStopsReadingCannotExhaustASmallHeap() throws Exception {
        // the emulator in its own JVM with a heap far smaller than what 1 MiB broadcasts would pile up for the client
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx96m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            String endpoint = first.replaceAll(".* listening on (http://\\S+) .*", "$1");
            Thread drain = new Thread(() -> out.lines().forEach(line -> { }));
            drain.setDaemon(true);
            drain.start();
            String ws = endpoint.replace("http://", "ws://") + "/client/hubs/flood?access_token=";
            try (WsClient stuck = WsClient.connectPaused(ws + clientToken(endpoint, "stuck"));
                 WsClient reader = WsClient.connect(ws + clientToken(endpoint, "reader"))) {
                String mib = "m".repeat(1024 * 1024);
                String url = endpoint + "/api/hubs/flood/:send?" + V;
                for (int i = 0; i < 200; i++) {
                    HttpResponse<String> r = Rest.send(HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + sign(url)).header("Content-Type", "text/plain")
                            .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(mib)).build());
                    assertEquals(202, r.statusCode(), "send " + i + ": " + r.body());
                    assertEquals(mib.length(), reader.nextText().length());
                }
                String stuckUser = endpoint + "/api/hubs/flood/users/stuck?" + V;
                assertEquals(404, Rest.send(HttpRequest.newBuilder(URI.create(stuckUser)).header("Authorization",
                        "Bearer " + sign(stuckUser)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build())
                        .statusCode(), "the client that stopped reading was dropped");
            }
            assertTrue(p.isAlive());
        } finally {
            p.destroy();
            p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static String sign(String aud) {
        long now = java.time.Instant.now().getEpochSecond();
        return Jwt.sign(Jsons.PROVIDER.createObjectBuilder().add("aud", aud).add("iat", now).add("exp", now + 600)
                .build(), WebPubSubEmulator.DEFAULT_ACCESS_KEY);
    }

    private static String clientToken(String endpoint, String user) {
        long now = java.time.Instant.now().getEpochSecond();
        return Jwt.sign(Jsons.PROVIDER.createObjectBuilder().add("aud", endpoint + "/client/hubs/flood")
                .add("sub", user)
                .add("iat", now).add("exp", now + 600).build(), WebPubSubEmulator.DEFAULT_ACCESS_KEY);
    }

    @Test
    void aTokenAuthorisesExactlyTheResourceItNames() {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start();
             WsClient c = WsClient.connect(new Rest(emulator).clientUrl("aud", "u", List.of(), List.of()), JSON)) {
            Rest rest = new Rest(emulator);
            String id = c.nextJson().getString("connectionId");
            String encoded = emulator.endpoint() + "/api/hubs/aud/groups/a%2Fconnections%2F" + id + "?" + V;
            String plain = emulator.endpoint() + "/api/hubs/aud/groups/a/connections/" + id + "?" + V;
            assertEquals(401, put(plain, rest.token(encoded)).statusCode());
            assertEquals(200, put(plain, rest.token(plain)).statusCode());
            // escapes of unreserved characters are the same resource
            assertEquals(200, put(plain.replace("/a/", "/%61/"), rest.token(plain)).statusCode());
        }
    }

    @Test
    void longFiltersAsOfficialSdksSendThemAreAccepted() {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start();
             WsClient target = WsClient.connect(new Rest(emulator).clientUrl("filters", "u0359", List.of(),
                     List.of()))) {
            Rest rest = new Rest(emulator);
            String ids = IntStream.range(0, 360).mapToObj(i -> String.format("'u%04d'", i))
                    .collect(Collectors.joining(", "));
            String filter = URLEncoder.encode("userId in (" + ids + ")", StandardCharsets.UTF_8).replace("+", "%20");
            assertTrue(filter.length() > 6000, "filter of " + filter.length() + " characters");
            HttpResponse<String> r = rest.call("POST", "/api/hubs/filters/:send?" + V + "&filter=" + filter,
                    "text/plain", "to many users");
            assertEquals(202, r.statusCode(), r.body());
            assertEquals("to many users", target.nextText());
        }
    }

    @Test
    void deeplyNestedJsonFramesCloseWith1007() {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start()) {
            Rest rest = new Rest(emulator);
            try (WsClient c = WsClient.connect(rest.clientUrl("nest", "u", List.of(), List.of()), JSON)) {
                c.nextJson();
                String nested = "[".repeat(100_000) + "]".repeat(100_000);
                c.send("{\"type\":\"event\",\"event\":\"e\",\"data\":" + nested + "}");
                String close = c.awaitClose();
                assertTrue(close.startsWith("1007"), close);
            }
            assertServesNormalClient(emulator, rest, "nest");
        }
    }

    @Test
    void badEscapesAnswer400() throws Exception {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start()) {
            Rest rest = new Rest(emulator);
            for (String path : List.of("/api/hubs/esc/groups/g?" + V + "&x=%zz", "/api/hubs/esc/groups/%zz?" + V)) {
                try (Socket s = open(emulator, "HEAD " + path + " HTTP/1.1\r\nHost: HOST\r\nAuthorization: Bearer "
                        + rest.token(emulator.endpoint() + path) + "\r\nConnection: close\r\n\r\n")) {
                    String reply = readAll(s);
                    assertTrue(reply.startsWith("HTTP/1.1 400 "), reply);
                }
            }
            try (Socket s = open(emulator, "GET /client/hubs/esc?access_token=%zz HTTP/1.1\r\nHost: HOST\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade, close\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")) {
                String reply = readAll(s);
                assertTrue(reply.startsWith("HTTP/1.1 400 "), reply);
            }
            assertServesNormalClient(emulator, rest, "esc");
        }
    }

    @Test
    void groupNamesWithNulAreRefusedOverWebSocketAsOverRest() throws Exception {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start();
             WsClient c = WsClient.connect(new Rest(emulator).clientUrl("nul", "u", List.of("webpubsub.joinLeaveGroup"),
                     List.of()), JSON)) {
            Rest rest = new Rest(emulator);
            c.nextJson();
            c.send("{\"type\":\"joinGroup\",\"group\":\"a\\u0000b\",\"ackId\":1}");
            JsonObject ack = c.nextJson();
            assertFalse(ack.getBoolean("success"));
            assertEquals("Invalid group name: it must not contain NUL (U+0000).",
                    ack.getJsonObject("error").getString("message"));
            HttpResponse<String> r = rest.call("POST", "/api/hubs/nul/:addToGroups?" + V, "application/json",
                    "{\"groups\":[\"a\\u0000b\"]}");
            assertEquals(400, r.statusCode());
            String path = "/api/hubs/nul/groups/a%00b/:send?" + V;
            try (Socket s = open(emulator, "POST " + path + " HTTP/1.1\r\nHost: HOST\r\nAuthorization: Bearer "
                    + rest.token(emulator.endpoint() + path) + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")) {
                String reply = readAll(s);
                assertTrue(reply.startsWith("HTTP/1.1 400 "), reply);
            }
        }
    }

    @Test
    void failuresNeverTraceTheAccessToken() {
        List<String> trace = new CopyOnWriteArrayList<>();
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().liveTrace(trace::add).start()) {
            Rest rest = new Rest(emulator);
            String token = rest.clientToken("other", "u", List.of(), List.of());
            assertEquals(401, WsClient.handshakeStatus(rest.clientUrl("secret", token)));
            URI wrongPath = URI.create(emulator.endpoint() + "/client/x/y?access_token=" + token);
            assertEquals(404, Rest.send(HttpRequest.newBuilder(wrongPath).build()).statusCode());
            assertFalse(trace.isEmpty());
            assertTrue(trace.stream().noneMatch(line -> line.contains(token) || line.contains("access_token")),
                    String.join("\n", trace));
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /** A REST send and a WebSocket round trip on {@code hub} must both succeed within bounded time. */
    static void assertServesNormalClient(WebPubSubEmulator emulator, Rest rest, String hub) {
        try (WsClient c = WsClient.connect(rest.clientUrl(hub, "normal", List.of(), List.of()))) {
            String url = emulator.endpoint() + "/api/hubs/" + hub + "/users/normal/:send?" + V;
            HttpResponse<String> r = Rest.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + rest.token(url)).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("still here")).build());
            assertEquals(202, r.statusCode());
            assertEquals("still here", c.nextText());
        }
    }

    private static HttpResponse<String> put(String url, String token) {
        return Rest.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).PUT(HttpRequest.BodyPublishers.noBody()).build());
    }

    static Socket open(WebPubSubEmulator emulator, String request) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), emulator.port());
        s.setSoTimeout(READ_TIMEOUT_MILLIS);
        s.getOutputStream().write(request.replace("Host: HOST", "Host: 127.0.0.1:" + emulator.port())
                .getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
        return s;
    }

    /** Everything the server sends until it closes the connection; fails when it neither answers nor closes. */
    static String readAll(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection was neither answered nor closed; got: " + text, e);
        }
        return text.toString();
    }

    static void closeAll(List<Socket> sockets) {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private static long answered(List<Socket> sockets) {
        return sockets.stream().filter(s -> {
            try {
                return s.getInputStream().available() > 0;
            } catch (IOException e) {
                return true;
            }
        }).count();
    }

    static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    static void await(BooleanSupplier condition, Duration bound, java.util.function.Supplier<String> message)
            throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(message.get());
            }
            Thread.sleep(50);
        }
    }
}
