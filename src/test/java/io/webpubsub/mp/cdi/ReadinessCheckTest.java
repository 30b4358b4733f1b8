package io.webpubsub.mp.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.WebPubSubHubAsyncClient;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.impl.cdi.HubClientsBean;
import io.webpubsub.mp.impl.emulator.EmbeddedEmulatorBean;
import io.webpubsub.mp.testing.FakeService;
import io.webpubsub.mp.testing.StartupFailures;

/** The readiness check of each injected hub, read through SmallRye Health (MicroProfile Health 4) on Weld SE. */
class ReadinessCheckTest {

    static final String KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

    FakeService service;

    @BeforeEach
    void start() throws IOException {
        service = new FakeService();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Dependent
    public static class App {
        @Inject
        @WebPubSubHub("chat")
        WebPubSubHubClient chat;

        @Inject
        @WebPubSubHub("news")
        WebPubSubHubAsyncClient news;
    }

    static WeldContainer boot() {
        return new Weld().disableDiscovery().addBeanClasses(HubClientsBean.class, EmbeddedEmulatorBean.class,
                SmallRyeHealthReporter.class, io.smallrye.health.AsyncHealthCheckFactory.class, App.class).initialize();
    }

    static SmallRyeHealth readiness(WeldContainer weld) {
        return weld.select(SmallRyeHealthReporter.class).get().getReadiness();
    }

    /** The check of one hub in the readiness payload. */
    static JsonObject check(SmallRyeHealth health, String hub) {
        return health.getPayload().getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals("Azure Web PubSub hub " + hub)).findFirst()
                .orElseThrow(() -> new AssertionError("no check for " + hub + " in " + health.getPayload()));
    }

    Map<String, String> config(String... more) {
        Map<String, String> p = new HashMap<>();
        p.put("azure.webpubsub.connection-string", "Endpoint=" + service.endpoint() + ";AccessKey=" + KEY);
        for (int i = 0; i < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        return p;
    }

    @Test
    void eachInjectedHubIsUpWhenTheServiceAnswersItsAnonymousHealthProbe() {
        try (TestConfig config = TestConfig.of(config()); WeldContainer weld = boot()) {
            SmallRyeHealth health = readiness(weld);
            assertEquals("UP", health.getPayload().getString("status"), health.getPayload().toString());
            String host = "127.0.0.1:" + service.port();
            for (String hub : List.of("chat", "news")) {
                JsonObject check = check(health, hub);
                assertEquals("UP", check.getString("status"));
                assertEquals(Map.of("hub", hub, "host", host), Map.of("hub", check.getJsonObject("data")
                        .getString("hub"), "host", check.getJsonObject("data").getString("host")));
                assertEquals(2, check.getJsonObject("data").size(), check.toString());
            }
            assertEquals(2, health.getPayload().getJsonArray("checks").size(), "no liveness or other checks");
            assertEquals(List.of("HEAD /api/health?api-version=2024-12-01",
                    "HEAD /api/health?api-version=2024-12-01"),
                    service.requests().stream().map(r -> r.method() + " " + r.target()).toList());
            service.requests().forEach(r -> assertNull(r.header("Authorization"), "the probe is anonymous"));
        }
    }

    @Test
    void aFailingServiceIsDownNamingTheHubAfterOneAttempt() {
        try (TestConfig config = TestConfig.of(config("azure.webpubsub.hubs.news.health.enabled", "false"));
                WeldContainer weld = boot()) {
            service.then(FakeService.Answer.status(503), FakeService.Answer.status(503));
            SmallRyeHealth health = readiness(weld);
            assertTrue(health.isDown());
            JsonObject check = check(health, "chat");
            assertEquals("DOWN", check.getString("status"));
            assertEquals("chat", check.getJsonObject("data").getString("hub"));
            assertEquals("HEAD /api/health answered 503", check.getJsonObject("data").getString("error"));
            assertEquals(1, service.requests().size(), "no retry: " + service.requests());
            assertEquals(1, health.getPayload().getJsonArray("checks").size(), "news is turned off");
            assertFalse(health.getPayload().toString().contains(KEY));
        }
    }

    @Test
    void anOutcomeAnswersProbesForTheCacheTtlThenTheServiceIsAskedAgain() {
        try (TestConfig config = TestConfig.of(config("azure.webpubsub.hubs.news.health.enabled", "false",
                "azure.webpubsub.health.cache-ttl", "1h"));
                WeldContainer weld = boot()) {
            for (int i = 0; i < 20; i++) {
                assertFalse(readiness(weld).isDown());
            }
            assertEquals(1, service.requests().size(), "probe storms reach the service once per TTL");
        }
        service.clear();
        try (TestConfig config = TestConfig.of(config("azure.webpubsub.hubs.news.health.enabled", "false",
                "azure.webpubsub.health.cache-ttl", "0s"));
                WeldContainer weld = boot()) {
            service.then(FakeService.Answer.status(500));
            assertTrue(readiness(weld).isDown());
            assertFalse(readiness(weld).isDown());
            assertEquals(2, service.requests().size());
        }
    }

    @Test
    void aHangingServiceIsDownAfterTheProbeTimeout() throws IOException {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket hanging = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(hanging.accept()); // never answers
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            try (TestConfig config = TestConfig.of(Map.of(
                    "azure.webpubsub.connection-string", "Endpoint=http://127.0.0.1:" + hanging.getLocalPort()
                            + ";AccessKey=" + KEY,
                    "azure.webpubsub.hubs.news.health.enabled", "false",
                    "azure.webpubsub.health.timeout", "300ms"));
                    WeldContainer weld = boot()) {
                long start = System.nanoTime();
                SmallRyeHealth health = readiness(weld);
                long tookMs = (System.nanoTime() - start) / 1_000_000;
                assertEquals("no answer within 300 ms", check(health, "chat").getJsonObject("data")
                        .getString("error"));
                assertTrue(tookMs < 10_000, "took " + tookMs + " ms");
                assertEquals(1, held.size(), "one connection, no retry");
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void anUnreachableServiceIsDownWithTheReason() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (TestConfig config = TestConfig.of(Map.of(
                "azure.webpubsub.connection-string", "Endpoint=http://127.0.0.1:" + closedPort + ";AccessKey=" + KEY,
                "azure.webpubsub.hubs.news.health.enabled", "false"));
                WeldContainer weld = boot()) {
            JsonObject data = check(readiness(weld), "chat").getJsonObject("data");
            assertEquals("127.0.0.1:" + closedPort, data.getString("host"));
            assertTrue(data.getString("error").contains("Connection refused"), data.toString());
        }
    }

    @Test
    void turnedOffGloballyNoCheckIsRegistered() {
        try (TestConfig config = TestConfig.of(config("azure.webpubsub.health.enabled", "false"));
                WeldContainer weld = boot()) {
            assertFalse(weld.select(HealthCheck.class, Readiness.Literal.INSTANCE).isResolvable());
            assertEquals(0, readiness(weld).getPayload().getJsonArray("checks").size());
            assertTrue(service.requests().isEmpty());
        }
    }

    /** What Quarkus does when a check registered at build time is turned off by the run-time configuration. */
    @Test
    void aCheckTurnedOffAfterItWasRegisteredAnswersUpWithoutProbing() {
        try (TestConfig deployed = TestConfig.of(config()); WeldContainer weld = boot();
                TestConfig running = TestConfig.of(config("azure.webpubsub.hubs.chat.health.enabled", "false"))) {
            JsonObject chat = check(readiness(weld), "chat");
            assertEquals("UP", chat.getString("status"));
            assertEquals("disabled", chat.getJsonObject("data").getString("probe"));
            assertEquals(List.of("HEAD /api/health?api-version=2024-12-01"),
                    service.requests().stream().map(r -> r.method() + " " + r.target()).toList(), "only news probed");
        }
    }

    @Test
    void eachCheckCanBeLookedUpByItsHub() {
        try (TestConfig config = TestConfig.of(config()); WeldContainer weld = boot()) {
            HealthCheck chat = weld.select(HealthCheck.class, Readiness.Literal.INSTANCE,
                    WebPubSubHub.Literal.of("chat")).get();
            assertEquals("Azure Web PubSub hub chat", chat.call().getName());
        }
    }

    @Test
    void malformedHealthSettingsFailTheDeploymentWithTheirKeys() {
        try (TestConfig config = TestConfig.of(config("azure.webpubsub.health.timeout", "soon",
                "azure.webpubsub.hubs.chat.health.enabled", "maybe"))) {
            List<String> problems = StartupFailures.problems(StartupFailures.failure(() -> boot().close()));
            String chatAt = " (injected at io.webpubsub.mp.cdi.ReadinessCheckTest$App.chat)";
            String newsAt = " (injected at io.webpubsub.mp.cdi.ReadinessCheckTest$App.news)";
            assertEquals(List.of(
                    "Hub 'chat': invalid azure.webpubsub.hubs.chat.health.enabled (env"
                            + " AZURE_WEBPUBSUB_HUBS_CHAT_HEALTH_ENABLED): must be true or false, was 'maybe'" + chatAt,
                    "Hub 'chat': invalid azure.webpubsub.health.timeout (env AZURE_WEBPUBSUB_HEALTH_TIMEOUT): must be"
                            + " a duration such as PT0.8S, 800ms, 10s, 5m or 1h, was 'soon'" + chatAt,
                    "Hub 'news': invalid azure.webpubsub.health.timeout (env AZURE_WEBPUBSUB_HEALTH_TIMEOUT): must be"
                            + " a duration such as PT0.8S, 800ms, 10s, 5m or 1h, was 'soon'" + newsAt),
                    problems);
        }
    }
}
