package io.webpubsub.mp.impl.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.webpubsub.mp.impl.config.HubConfig;
import io.webpubsub.mp.spi.LocalServiceProvider;
import io.webpubsub.mp.spi.LocalServiceProvider.Upstream;

class EmbeddedEmulatorTest {

    private final Map<String, String> values = new HashMap<>();
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @TempDir
    Path services;

    @BeforeEach
    void captureLog() {
        FakeProvider.started.clear();
        // the embedded default only exists in the dev and test profiles (see the profile tests below)
        values.put("mp.config.profile", "test");
        Logger.getLogger("io.webpubsub.mp.emulator").addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        Logger.getLogger("io.webpubsub.mp.emulator").removeHandler(capture);
    }

    @Test
    void modeIsAutoUnlessTrueOrFalse() {
        assertEquals(EmulatorMode.AUTO, EmulatorMode.of(config()));
        values.put("azure.webpubsub.emulator.enabled", " TRUE ");
        assertEquals(EmulatorMode.ON, EmulatorMode.of(config()));
        values.put("azure.webpubsub.emulator.enabled", "false");
        assertEquals(EmulatorMode.OFF, EmulatorMode.of(config()));
        values.put("azure.webpubsub.emulator.enabled", "yes");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmulatorMode.of(config()));
        assertEquals("Invalid azure.webpubsub.emulator.enabled (env AZURE_WEBPUBSUB_EMULATOR_ENABLED): must be true or"
                + " false, was 'yes'", e.getMessage());
    }

    @Test
    void availableOnlyWithAProviderAndNotTurnedOff() throws IOException {
        assertFalse(EmbeddedEmulator.available(config(), getClass().getClassLoader()));
        assertTrue(EmbeddedEmulator.available(config(), withProvider()));
        values.put("azure.webpubsub.emulator.enabled", "false");
        assertFalse(EmbeddedEmulator.available(config(), withProvider()));
        assertFalse(EmbeddedEmulator.of(config(), withProvider()).servesUnconfiguredHubs());
        assertTrue(FakeProvider.started.isEmpty());
    }

    @Test
    void unsetItIsEmbeddedOnlyInTheDevAndTestProfiles() throws IOException {
        for (String key : new String[] {"mp.config.profile", "quarkus.profile", "smallrye.config.profile"}) {
            values.clear();
            assertFalse(EmbeddedEmulator.available(config(), withProvider()), "no profile is a production run");
            values.put(key, "prod");
            assertFalse(EmbeddedEmulator.available(config(), withProvider()), key);
            assertFalse(EmbeddedEmulator.of(config(), withProvider()).servesUnconfiguredHubs(), key);
            values.put(key, "dev");
            assertTrue(EmbeddedEmulator.available(config(), withProvider()), key);
            values.put(key, "local, TEST");
            assertTrue(EmbeddedEmulator.available(config(), withProvider()), key);
            assertTrue(EmbeddedEmulator.of(config(), withProvider()).servesUnconfiguredHubs(), key);
        }
        assertTrue(FakeProvider.started.isEmpty());
        assertTrue(logged.isEmpty(), "nothing to warn about in dev and test");
    }

    @Test
    void enabledExplicitlyItIsEmbeddedInProductionWithOneWarning() throws IOException {
        values.put("mp.config.profile", "prod");
        values.put("azure.webpubsub.emulator.enabled", "true");
        assertTrue(EmbeddedEmulator.available(config(), withProvider()));
        EmbeddedEmulator emulator = EmbeddedEmulator.of(config(), withProvider());
        assertTrue(emulator.servesUnconfiguredHubs());
        emulator.connectionString();
        emulator.connectionString();
        List<LogRecord> warnings = logged.stream()
                .filter(r -> r.getLevel() == java.util.logging.Level.WARNING).toList();
        assertEquals(1, warnings.size());
        assertEquals("azure.webpubsub.emulator.enabled=true outside the dev and test profiles: hubs without a"
                + " connection string use the embedded Web PubSub service on this machine, not Azure",
                warnings.get(0).getMessage());
        emulator.close();
    }

    @Test
    void requiredButMissingIsADeploymentProblem() throws IOException {
        assertEquals(Optional.empty(), EmbeddedEmulator.deploymentProblem(config(), getClass().getClassLoader()));
        values.put("azure.webpubsub.emulator.enabled", "true");
        assertEquals(Optional.empty(), EmbeddedEmulator.deploymentProblem(config(), withProvider()));
        String expected = "azure.webpubsub.emulator.enabled=true, but no embedded Web PubSub service is on the class "
                + "path: add the dependency io.webpubsub:webpubsub-emulator, or remove the key";
        assertEquals(Optional.of(expected), EmbeddedEmulator.deploymentProblem(config(), getClass().getClassLoader()));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EmbeddedEmulator.of(config(), getClass().getClassLoader()));
        assertEquals(expected, e.getMessage());
        values.put("azure.webpubsub.emulator.enabled", "maybe");
        assertEquals(Optional.of("Invalid azure.webpubsub.emulator.enabled (env AZURE_WEBPUBSUB_EMULATOR_ENABLED): must"
                + " be true or false, was 'maybe'"), EmbeddedEmulator.deploymentProblem(config(), withProvider()));
    }

    @Test
    void startsOnFirstUseOnceLogsOnceAndClosesWithTheApplication() throws IOException {
        EmbeddedEmulator emulator = EmbeddedEmulator.of(config(), withProvider());
        assertTrue(emulator.servesUnconfiguredHubs());
        emulator.startIfRequired();
        assertTrue(FakeProvider.started.isEmpty(), "AUTO starts on first use, not at boot");

        String first = emulator.connectionString();
        assertEquals("Endpoint=http://127.0.0.1:1;AccessKey=" + "k".repeat(40) + ";Version=1.0;", first);
        assertEquals(first, emulator.connectionString());
        assertEquals(1, FakeProvider.started.size());
        assertEquals(1, logged.size());
        LogRecord info = logged.get(0);
        assertEquals(java.util.logging.Level.INFO, info.getLevel());
        assertEquals("Hubs without a connection string use the embedded Web PubSub service (fake 1.0): " + first
                + "  To use Azure instead, set azure.webpubsub.connection-string.",
                java.text.MessageFormat.format(info.getMessage(), info.getParameters()));

        emulator.close();
        emulator.close();
        assertEquals(1, FakeProvider.started.get(0).closed);
        IllegalStateException e = assertThrows(IllegalStateException.class, emulator::connectionString);
        assertEquals("The embedded Web PubSub service was closed with the application", e.getMessage());
    }

    @Test
    void requiredStartsAtBoot() throws IOException {
        values.put("azure.webpubsub.emulator.enabled", "true");
        EmbeddedEmulator emulator = EmbeddedEmulator.of(config(), withProvider());
        emulator.startIfRequired();
        assertEquals(1, FakeProvider.started.size());
        emulator.close();
        assertEquals(1, FakeProvider.started.get(0).closed);
    }

    @Test
    void closingBeforeUseStartsNothing() throws IOException {
        EmbeddedEmulator emulator = EmbeddedEmulator.of(config(), withProvider());
        emulator.close();
        assertThrows(IllegalStateException.class, emulator::connectionString);
        assertTrue(FakeProvider.started.isEmpty());
    }

    @Test
    void withoutProviderThereIsNoConnectionString() {
        EmbeddedEmulator emulator = EmbeddedEmulator.of(config(), getClass().getClassLoader());
        assertFalse(emulator.servesUnconfiguredHubs());
        IllegalStateException e = assertThrows(IllegalStateException.class, emulator::connectionString);
        assertEquals("No embedded Web PubSub service: azure.webpubsub.emulator.enabled is false or "
                + "io.webpubsub:webpubsub-emulator is not on the class path", e.getMessage());
    }

    @Test
    void upstreamIsReadWhenTheServiceAsksSoARandomPortIsKnownByThen() throws IOException {
        values.put("quarkus.http.port", "0");
        values.put("azure.webpubsub.hubs.chat.upstream.system-events", "connect,connected,disconnected");
        EmbeddedEmulator emulator = EmbeddedEmulator.of(config(), withProvider(), this::config);
        emulator.connectionString();
        Function<String, Optional<Upstream>> upstream = FakeProvider.started.get(0).upstream;
        // Quarkus writes the bound port back once the HTTP server listens
        values.put("quarkus.http.port", "41234");
        assertEquals(Optional.of(new Upstream("http://127.0.0.1:41234/webpubsub/hubs/{hub}", "",
                Set.of("connect", "connected", "disconnected"))), upstream.apply("chat"));
        emulator.close();
    }

    @Test
    void quarkusLocalBaseUriWinsOverThePort() {
        values.put("quarkus.http.port", "0");
        values.put("quarkus.http.local-base-uri", "http://localhost:41235/");
        values.put("quarkus.rest.path", "api");
        values.put("azure.webpubsub.upstream.user-event-pattern", "*");
        assertEquals("http://localhost:41235/api/webpubsub/hubs/{hub}", new EmulatorUpstream(config()).apply("chat")
                .orElseThrow().urlTemplate());
    }

    @Test
    void quarkusPathsAreJoined() {
        values.put("quarkus.http.port", "8080");
        values.put("quarkus.http.root-path", "app/");
        values.put("quarkus.rest.path", "/api");
        values.put("azure.webpubsub.upstream.path", "/events/");
        values.put("azure.webpubsub.upstream.user-event-pattern", "*");
        assertEquals("http://127.0.0.1:8080/app/api/events/hubs/{hub}", new EmulatorUpstream(config()).apply("chat")
                .orElseThrow().urlTemplate());
    }

    @Test
    void explicitAppUrlWins() {
        values.put("quarkus.http.port", "8080");
        values.put("azure.webpubsub.upstream.user-event-pattern", "*");
        values.put("azure.webpubsub.emulator.app-url", "http://localhost:9080/shop/");
        assertEquals("http://localhost:9080/shop/webpubsub/hubs/{hub}", new EmulatorUpstream(config()).apply("chat")
                .orElseThrow().urlTemplate());
        values.put("azure.webpubsub.emulator.app-url", "localhost:9080");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EmulatorUpstream(config()).apply("chat"));
        assertEquals("Invalid azure.webpubsub.emulator.app-url (env AZURE_WEBPUBSUB_EMULATOR_APP_URL): must be the"
                + " application's absolute http(s) base URL, e.g. http://127.0.0.1:8080/app, was 'localhost:9080'",
                e.getMessage());
    }

    @Test
    void unknownAppUrlMeansNoEventHandlerAndAWarning() {
        values.put("azure.webpubsub.upstream.system-events", "connected");
        assertEquals(Optional.empty(), new EmulatorUpstream(config()).apply("chat"));
        assertEquals(1, logged.size());
        assertEquals(java.util.logging.Level.WARNING, logged.get(0).getLevel());
        assertEquals("The embedded Web PubSub service cannot send hub 'chat' events to the application: set "
                + "azure.webpubsub.emulator.app-url to the application's base URL",
                java.text.MessageFormat.format(logged.get(0).getMessage(), logged.get(0).getParameters()));
    }

    @Test
    void eventsAreTheOnesDeclaredForTheServicePerHubWithGlobalDefaults() {
        values.put("azure.webpubsub.emulator.app-url", "http://127.0.0.1:8080");
        values.put("azure.webpubsub.upstream.system-events", "Connected, disconnected");
        values.put("azure.webpubsub.hubs.quiet.upstream.user-event-pattern", "ping,pong");
        values.put("azure.webpubsub.hubs.quiet.upstream.system-events", " ");
        EmulatorUpstream upstream = new EmulatorUpstream(config());
        assertEquals(new Upstream("http://127.0.0.1:8080/webpubsub/hubs/{hub}", "", Set.of("connected",
                "disconnected")), upstream.apply("chat").orElseThrow());
        assertEquals(new Upstream("http://127.0.0.1:8080/webpubsub/hubs/{hub}", "ping,pong", Set.of("connected",
                "disconnected")), upstream.apply("quiet").orElseThrow(), "a blank per-hub value counts as unset");
        values.put("azure.webpubsub.hubs.chat.upstream.system-events", "connect,Joined,left");
        assertEquals(Set.of("connect", "joined", "left"), upstream.apply("chat").orElseThrow().systemEvents(),
                "group presence events are forwarded");
        values.put("azure.webpubsub.hubs.chat.upstream.system-events", "connect,open");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> upstream.apply("chat"));
        assertEquals("Hub 'chat': invalid azure.webpubsub.hubs.chat.upstream.system-events (env"
                + " AZURE_WEBPUBSUB_HUBS_CHAT_UPSTREAM_SYSTEM_EVENTS): must list only connect, connected, disconnected,"
                + " joined, left, was 'connect,open'", e.getMessage());
    }

    @Test
    void theUpstreamPathIsParsedOnceTheWayTheEndpointReadsIt() {
        values.put("azure.webpubsub.emulator.app-url", "http://127.0.0.1:8080");
        values.put("azure.webpubsub.upstream.system-events", "connected");
        values.put("azure.webpubsub.upstream.path", "/api/events/");
        EmulatorUpstream upstream = new EmulatorUpstream(config());
        assertEquals("http://127.0.0.1:8080/api/events/hubs/{hub}", upstream.apply("chat").orElseThrow().urlTemplate());
        values.put("azure.webpubsub.upstream.path", "web pubsub");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> upstream.apply("chat"));
        assertEquals("Invalid azure.webpubsub.upstream.path (env AZURE_WEBPUBSUB_UPSTREAM_PATH): must be a path of"
                + " segments made of letters, digits and . _ ~ -, relative to the Jakarta REST root, e.g."
                + " 'api/webpubsub', was 'web pubsub'", e.getMessage());
    }

    @Test
    void aHubThatDeclaresNoEventsGetsNoHandler() {
        values.put("azure.webpubsub.emulator.app-url", "http://127.0.0.1:8080");
        assertEquals(Optional.empty(), new EmulatorUpstream(config()).apply("chat"));
        assertTrue(logged.isEmpty());
    }

    @Test
    void configuredHubsAreNeverRedirected() throws IOException {
        values.put("azure.webpubsub.hubs.azure.connection-string", "Endpoint=https://x.webpubsub.azure.com;AccessKey="
                + "a".repeat(40) + ";Version=1.0;");
        values.put("azure.webpubsub.hubs.entra.endpoint", "https://y.webpubsub.azure.com");
        EmbeddedEmulator emulator = EmbeddedEmulator.of(config(), withProvider());
        assertEquals(Optional.empty(), emulator.connectionStringFor(new HubConfig(config(), "azure")));
        assertEquals(Optional.empty(), emulator.connectionStringFor(new HubConfig(config(), "entra")));
        assertTrue(FakeProvider.started.isEmpty());
        assertEquals(Optional.of("Endpoint=http://127.0.0.1:1;AccessKey=" + "k".repeat(40) + ";Version=1.0;"),
                emulator.connectionStringFor(new HubConfig(config(), "chat")));
        values.put("azure.webpubsub.connection-string", "Endpoint=https://z.webpubsub.azure.com;AccessKey="
                + "a".repeat(40) + ";Version=1.0;");
        assertEquals(Optional.empty(), emulator.connectionStringFor(new HubConfig(config(), "chat")),
                "a global connection string configures every hub");
        emulator.close();
    }

    @Test
    void noProviderMeansNoEmbeddedConnectionString() {
        EmbeddedEmulator emulator = EmbeddedEmulator.of(config(), getClass().getClassLoader());
        assertEquals(Optional.empty(), emulator.connectionStringFor(new HubConfig(config(), "chat")));
    }

    /** A configuration that reads {@link #values} live, as MicroProfile Config reads system properties. */
    private Config config() {
        return new SmallRyeConfigBuilder()
                .withSources(new ConfigSource() {
                    @Override
                    public Set<String> getPropertyNames() {
                        return Set.copyOf(values.keySet());
                    }

                    @Override
                    public String getValue(String name) {
                        return values.get(name);
                    }

                    @Override
                    public String getName() {
                        return "test";
                    }
                })
                .build();
    }

    private ClassLoader withProvider() throws IOException {
        Path file = services.resolve("META-INF/services/" + LocalServiceProvider.class.getName());
        Files.createDirectories(file.getParent());
        Files.writeString(file, FakeProvider.class.getName() + "\n");
        return new URLClassLoader(new URL[] {services.toUri().toURL()}, getClass().getClassLoader());
    }

    /** Records what the library asks of a provider. */
    public static final class FakeProvider implements LocalServiceProvider {

        static final List<FakeService> started = new ArrayList<>();

        @Override
        public String name() {
            return "fake 1.0";
        }

        @Override
        public LocalService start(Function<String, Optional<Upstream>> upstream) {
            FakeService service = new FakeService(upstream);
            started.add(service);
            return service;
        }
    }

    static final class FakeService implements LocalServiceProvider.LocalService {
        final Function<String, Optional<Upstream>> upstream;
        int closed;

        FakeService(Function<String, Optional<Upstream>> upstream) {
            this.upstream = upstream;
        }

        @Override
        public String connectionString() {
            return "Endpoint=http://127.0.0.1:1;AccessKey=" + "k".repeat(40) + ";Version=1.0;";
        }

        @Override
        public void close() {
            closed++;
        }
    }
}
