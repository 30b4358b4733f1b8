package io.webpubsub.emulator.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.webpubsub.mp.spi.LocalServiceProvider;
import io.webpubsub.mp.spi.LocalServiceProvider.LocalService;
import io.webpubsub.mp.spi.LocalServiceProvider.Upstream;

/** The emulator as the library's embedded default, for real: started through ServiceLoader, called by clients. */
class EmulatorServiceProviderTest {

    private static final Pattern CONNECTION_STRING =
            Pattern.compile("Endpoint=http://127\\.0\\.0\\.1:(\\d+);AccessKey=([^;]+);Version=1\\.0;");
    private static final String JSON_PROTOCOL = "json.webpubsub.azure.v1";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        Collections.reverse(cleanup);
        for (AutoCloseable c : cleanup) {
            c.close();
        }
    }

    @Test
    void theLibraryFindsTheEmulatorWithServiceLoader() {
        List<LocalServiceProvider> found = ServiceLoader.load(LocalServiceProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(1, found.size());
        assertInstanceOf(EmulatorServiceProvider.class, found.get(0));
        assertTrue(found.get(0).name().startsWith("webpubsub-emulator"), found.get(0).name());
    }

    @Test
    void eachStartListensOnItsOwnLoopbackPortWithAFreshKeyAndStopsOnClose() throws Exception {
        LocalService first = start(hub -> Optional.empty());
        LocalService second = start(hub -> Optional.empty());
        Matcher a = parse(first);
        Matcher b = parse(second);
        assertNotEquals(a.group(1), b.group(1));
        assertNotEquals(a.group(2), b.group(2));
        assertTrue(a.group(2).length() >= 32, "HS256 needs a key of at least 32 bytes");
        assertEquals(200, health(a.group(1)));

        first.close();
        first.close();
        assertThrows(ConnectException.class, () -> health(a.group(1)));
        assertEquals(200, health(b.group(1)));
    }

    @Test
    void eventsGoWhereTheLibrarySaysAskedOncePerHubAtTheFirstConnection() throws Exception {
        FakeApp app = new FakeApp();
        Map<String, Integer> asked = new ConcurrentHashMap<>();
        LocalService service = start(hub -> {
            asked.merge(hub, 1, Integer::sum);
            return hub.equals("chat")
                    ? Optional.of(new Upstream(app.url() + "/events/{hub}/{event}", "*",
                            Set.of("connect", "connected")))
                    : Optional.empty();
        });
        assertEquals(Map.of(), asked, "nothing is asked before a client connects");
        Matcher cs = parse(service);

        try (Client alice = Client.connect(cs, "chat", "alice")) {
            assertTrue(alice.next().contains("\"userId\":\"alice-from-app\""), "the connect handler assigns the user");
        }
        try (Client bob = Client.connect(cs, "chat", "bob")) {
            assertTrue(bob.next().contains("\"userId\":\"bob-from-app\""));
        }
        try (Client carol = Client.connect(cs, "quiet", "carol")) {
            assertTrue(carol.next().contains("\"userId\":\"carol\""), "no handler: the token's user");
        }
        assertEquals(Map.of("chat", 1, "quiet", 1), asked);
        assertTrue(app.events.poll(5, TimeUnit.SECONDS).startsWith("OPTIONS /events/chat/validate"));
        assertEquals("POST /events/chat/connect azure.webpubsub.sys.connect", app.events.poll(5, TimeUnit.SECONDS));
    }

    private LocalService start(Function<String, Optional<Upstream>> upstream) {
        LocalService service = new EmulatorServiceProvider().start(upstream);
        cleanup.add(service);
        return service;
    }

    private static Matcher parse(LocalService service) {
        Matcher m = CONNECTION_STRING.matcher(service.connectionString());
        assertTrue(m.matches(), "unexpected connection string format");
        return m;
    }

    private int health(String port) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/health?api-version=2024-12-01"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** An application's upstream endpoint: validates the origin and assigns "<sub>-from-app" on connect. */
    private final class FakeApp {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        final HttpServer server;

        FakeApp() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String type = exchange.getRequestHeaders().getFirst("ce-type");
                events.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                        + (type == null ? "" : " " + type));
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (exchange.getRequestMethod().equals("OPTIONS")) {
                    exchange.getResponseHeaders().add("WebHook-Allowed-Origin", "*");
                    exchange.sendResponseHeaders(200, -1);
                } else if ("azure.webpubsub.sys.connect".equals(type)) {
                    Matcher sub = Pattern.compile("\"sub\"\\s*:\\s*\\[\\s*\"([^\"]+)\"")
                            .matcher(new String(body, StandardCharsets.UTF_8));
                    byte[] reply = ("{\"userId\":\"" + (sub.find() ? sub.group(1) : "?") + "-from-app\"}")
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, reply.length);
                    exchange.getResponseBody().write(reply);
                } else {
                    exchange.sendResponseHeaders(204, -1);
                }
                exchange.close();
            });
            server.start();
            cleanup.add(() -> server.stop(0));
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }

    /** A JSON-protocol WebSocket client with an access token signed like the SDKs sign it. */
    private static final class Client implements AutoCloseable {
        final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final WebSocket socket;

        private Client(URI uri) {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols(JSON_PROTOCOL)
                    .buildAsync(uri, new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            frames.add(data.toString());
                            webSocket.request(1);
                            return null;
                        }
                    }).orTimeout(10, TimeUnit.SECONDS).join();
        }

        static Client connect(Matcher connectionString, String hub, String user) throws Exception {
            String endpoint = "http://127.0.0.1:" + connectionString.group(1);
            String token = token(connectionString.group(2), endpoint + "/client/hubs/" + hub, user);
            return new Client(URI.create(endpoint.replace("http:", "ws:") + "/client/hubs/" + hub + "?access_token="
                    + token));
        }

        String next() throws InterruptedException {
            String frame = frames.poll(10, TimeUnit.SECONDS);
            assertTrue(frame != null, "no frame within 10 s");
            return frame;
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS).join();
        }

        private static String token(String key, String audience, String user) throws Exception {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String claims = b64.encodeToString(("{\"aud\":\"" + audience + "\",\"sub\":\"" + user + "\",\"exp\":"
                    + Instant.now().plus(Duration.ofHours(1)).getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return header + "." + claims + "."
                    + b64.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.UTF_8)));
        }
    }
}
