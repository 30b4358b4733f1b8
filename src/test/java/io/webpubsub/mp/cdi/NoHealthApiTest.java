package io.webpubsub.mp.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.impl.cdi.HubClientsBean;
import io.webpubsub.mp.impl.emulator.EmbeddedEmulatorBean;
import io.webpubsub.mp.models.Message;
import io.webpubsub.mp.testing.FakeService;

/**
 * Run by its own surefire execution whose class path lacks the MicroProfile Health API and SmallRye Health: the
 * extension registers no readiness check and the hub clients work.
 */
class NoHealthApiTest {

    @Dependent
    public static class App {
        @Inject
        @WebPubSubHub("chat")
        WebPubSubHubClient chat;
    }

    /** As containers do that load every class of a deployment (Arquillian's Weld embedded). */
    @Test
    void everyClassOfTheLibraryLoadsWithoutMicroProfileHealth() throws Exception {
        Path classes = Path.of(HubClientsBean.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.map(f -> classes.relativize(f).toString()).filter(f -> f.endsWith(".class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.')).toList();
        }
        assertTrue(names.contains("io.webpubsub.mp.impl.health.HubReadinessCheck"), names.toString());
        for (String name : names) {
            Class.forName(name, false, HubClientsBean.class.getClassLoader());
        }
    }

    @Test
    void theLibraryStartsAndSendsWithoutMicroProfileHealth() throws Exception {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.eclipse.microprofile.health.HealthCheck"));
        try (FakeService service = new FakeService();
                TestConfig config = TestConfig.of(Map.of("azure.webpubsub.connection-string",
                        "Endpoint=" + service.endpoint() + ";AccessKey=" + ReadinessCheckTest.KEY,
                        "azure.webpubsub.health.enabled", "true"));
                WeldContainer weld = new Weld().disableDiscovery().addBeanClasses(HubClientsBean.class,
                        EmbeddedEmulatorBean.class, App.class).initialize()) {
            weld.select(App.class).get().chat.sendToAll(Message.text("hi"));
            assertEquals("POST /api/hubs/chat/:send?api-version=2024-12-01",
                    service.only().method() + " " + service.only().target());
        }
    }
}
