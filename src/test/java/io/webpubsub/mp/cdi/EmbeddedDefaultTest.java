package io.webpubsub.mp.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.impl.cdi.HubClientsBean;
import io.webpubsub.mp.impl.emulator.EmbeddedEmulatorBean;
import io.webpubsub.mp.models.Message;
import io.webpubsub.mp.spi.LocalServiceProvider;
import io.webpubsub.mp.testing.FakeService;
import io.webpubsub.mp.testing.StartupFailures;
import io.webpubsub.mp.testing.Jwts;

/** The embedded default through CDI: hubs without configuration go to the local service, configured ones do not. */
class EmbeddedDefaultTest {

    static final String KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";
    static final String LOCAL_KEY = "local-service-key-0123456789-0123456789";

    static FakeService local;
    static int starts;
    static int closes;
    FakeService azure;

    @TempDir
    Path services;

    @Dependent
    public static class App {
        @Inject
        @WebPubSubHub("chat")
        WebPubSubHubClient chat;

        @Inject
        @WebPubSubHub("news")
        WebPubSubHubClient news;
    }

    /** Stands in for the emulator: its "service" is a FakeService that records the requests. */
    public static final class Provider implements LocalServiceProvider {
        @Override
        public String name() {
            return "fake local service";
        }

        @Override
        public LocalService start(Function<String, Optional<Upstream>> upstream) {
            starts++;
            return new LocalService() {
                @Override
                public String connectionString() {
                    return "Endpoint=" + local.endpoint() + ";AccessKey=" + LOCAL_KEY + ";Version=1.0;";
                }

                @Override
                public void close() {
                    closes++;
                }
            };
        }
    }

    @BeforeEach
    void start() throws IOException {
        local = new FakeService();
        azure = new FakeService();
        starts = 0;
        closes = 0;
    }

    @AfterEach
    void stop() {
        local.close();
        azure.close();
    }

    @Test
    void unconfiguredHubsUseTheLocalServiceAndConfiguredHubsKeepTheirs() throws Exception {
        inLoader(withProvider(), () -> {
            try (TestConfig config = TestConfig.of(Map.of("mp.config.profile", "test",
                    "azure.webpubsub.hubs.news.connection-string",
                    "Endpoint=" + azure.endpoint() + ";AccessKey=" + KEY));
                    WeldContainer weld = boot()) {
                App app = weld.select(App.class).get();
                app.chat.sendToAll(Message.text("to the local service"));
                app.news.sendToAll(Message.text("to azure"));
                assertEquals("/api/hubs/chat/:send?api-version=2024-12-01", local.only().target());
                Jwts.bearer(local.only().header("Authorization"), LOCAL_KEY);
                assertEquals("/api/hubs/news/:send?api-version=2024-12-01", azure.only().target());
                Jwts.bearer(azure.only().header("Authorization"), KEY);
                assertEquals(1, starts);
            }
            assertEquals(1, closes, "closed with the application");
            return null;
        });
    }

    @Test
    void turnedOffTheUnconfiguredHubFailsTheDeployment() throws Exception {
        inLoader(withProvider(), () -> {
            try (TestConfig config = TestConfig.of(Map.of("azure.webpubsub.emulator.enabled", "false",
                    "azure.webpubsub.hubs.news.connection-string", "Endpoint=" + azure.endpoint() + ";AccessKey="
                            + KEY))) {
                DeploymentException e = StartupFailures.failure(() -> boot().close());
                assertEquals(List.of("Hub 'chat' has no connection settings: set azure.webpubsub.hubs.chat"
                        + ".connection-string (env AZURE_WEBPUBSUB_HUBS_CHAT_CONNECTION_STRING) or azure.webpubsub"
                        + ".connection-string (env AZURE_WEBPUBSUB_CONNECTION_STRING), or azure.webpubsub.hubs.chat"
                        + ".endpoint (env AZURE_WEBPUBSUB_HUBS_CHAT_ENDPOINT) or azure.webpubsub.endpoint (env "
                        + "AZURE_WEBPUBSUB_ENDPOINT) with an access-key or an Entra ID credential (injected at "
                        + App.class.getName() + ".chat)"), problems(e));
            }
            assertEquals(0, starts);
            return null;
        });
    }

    @Test
    void inTheProductionProfileTheUnconfiguredHubFailsTheDeploymentAlthoughTheServiceIsOnTheClassPath()
            throws Exception {
        for (Map<String, String> production : List.of(Map.<String, String>of(), Map.of("mp.config.profile", "prod"))) {
            inLoader(withProvider(), () -> {
                try (TestConfig config = TestConfig.of(production)) {
                    DeploymentException e = StartupFailures.failure(() -> boot().close());
                    assertEquals(2, problems(e).size(), problems(e).toString());
                    assertTrue(problems(e).get(0).startsWith("Hub 'chat' has no connection settings: set "
                            + "azure.webpubsub.hubs.chat.connection-string"), problems(e).get(0));
                }
                return null;
            });
        }
        assertEquals(0, starts);
    }

    @Test
    void inTheDevProfileOrWhenEnabledTheUnconfiguredHubUsesTheLocalService() throws Exception {
        for (Map<String, String> local : List.of(Map.of("mp.config.profile", "dev"),
                Map.of("mp.config.profile", "prod", "azure.webpubsub.emulator.enabled", "true"))) {
            inLoader(withProvider(), () -> {
                try (TestConfig config = TestConfig.of(local); WeldContainer weld = boot()) {
                    weld.select(App.class).get().chat.sendToAll(Message.text("local"));
                }
                return null;
            });
        }
        assertEquals(2, local.requests().size());
    }

    @Test
    void requiredButAbsentFailsTheDeployment() throws Exception {
        try (TestConfig config = TestConfig.of(Map.of("azure.webpubsub.emulator.enabled", "true",
                "azure.webpubsub.connection-string", "Endpoint=" + azure.endpoint() + ";AccessKey=" + KEY))) {
            DeploymentException e = StartupFailures.failure(() -> boot().close());
            assertEquals(List.of("azure.webpubsub.emulator.enabled=true, but no embedded Web PubSub service is on "
                    + "the class path: add the dependency io.webpubsub:webpubsub-emulator, or remove the key"),
                    problems(e));
        }
    }

    private static WeldContainer boot() {
        return new Weld().disableDiscovery().addBeanClasses(HubClientsBean.class, EmbeddedEmulatorBean.class,
                App.class).initialize();
    }

    private static List<String> problems(DeploymentException e) {
        return StartupFailures.problems(e);
    }

    private ClassLoader withProvider() throws IOException {
        Path file = services.resolve("META-INF/services/" + LocalServiceProvider.class.getName());
        Files.createDirectories(file.getParent());
        Files.writeString(file, Provider.class.getName() + "\n");
        return new URLClassLoader(new URL[] {services.toUri().toURL()}, getClass().getClassLoader());
    }

    private static <T> T inLoader(ClassLoader loader, Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
