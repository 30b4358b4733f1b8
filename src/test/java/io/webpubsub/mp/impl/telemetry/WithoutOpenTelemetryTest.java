package io.webpubsub.mp.impl.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.webpubsub.mp.impl.cdi.HubClientsBean;
import io.webpubsub.mp.impl.emulator.EmbeddedEmulatorBean;
import io.webpubsub.mp.models.Message;
import io.webpubsub.mp.testing.FakeService;
import io.webpubsub.mp.testing.FakeService.Answer;

/**
 * The library without any OpenTelemetry jar on the class path (its own surefire execution removes them): the
 * container starts, the injected clients work, retries included, and no trace context is sent.
 */
class WithoutOpenTelemetryTest {

    /** Containers that scan a bean archive load each of its classes (Arquillian's Weld embedded does). */
    @Test
    void everyClassOfTheLibraryLoadsWithoutTheOpenTelemetryApi() throws Exception {
        Path classes = Path.of(Telemetry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.map(f -> classes.relativize(f).toString()).filter(f -> f.endsWith(".class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace(java.io.File.separatorChar, '.'))
                    .toList();
        }
        assertTrue(names.contains(OtelUpstream.class.getName()), names::toString);
        for (String name : names) {
            Class.forName(name, false, getClass().getClassLoader());
        }
    }

    @Test
    void theClientsWorkWithoutTheOpenTelemetryApi() throws Exception {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.opentelemetry.api.OpenTelemetry"));
        assertFalse(Telemetry.apiPresent());
        try (FakeService service = new FakeService()) {
            Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                    "azure.webpubsub.connection-string", "Endpoint=" + service.endpoint() + ";AccessKey="
                            + ClientTelemetryTest.KEY, "azure.webpubsub.retry.delay", "PT0.001S"), "test", 500))
                    .build();
            ConfigProviderResolver.instance().registerConfig(config, Thread.currentThread().getContextClassLoader());
            try (WeldContainer weld = new Weld().disableDiscovery()
                    .addBeanClasses(HubClientsBean.class, EmbeddedEmulatorBean.class, ChatBean.class).initialize()) {
                ChatBean chat = weld.select(ChatBean.class).get();
                service.then(Answer.status(503).header("Retry-After", "0"), Answer.status(202), Answer.status(202));
                chat.client.sendToGroup("room", Message.text("hi"));
                chat.async.sendToAll(Message.text("all")).toCompletableFuture().join();
                assertEquals(3, service.requests().size());
                service.requests().forEach(request -> assertNull(request.header("traceparent")));
            } finally {
                ConfigProviderResolver.instance().releaseConfig(config);
            }
        }
    }
}
