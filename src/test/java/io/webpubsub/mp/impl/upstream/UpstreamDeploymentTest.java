package io.webpubsub.mp.impl.upstream;

import static io.webpubsub.mp.impl.upstream.ServiceRequests.CONNECTION_STRING;
import static io.webpubsub.mp.impl.upstream.ServiceRequests.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import jakarta.enterprise.inject.se.SeContainer;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** What is reported when the application starts: by the extension, and by the start-up configuration check. */
class UpstreamDeploymentTest {

    static final String CS = "azure.webpubsub.hubs.chat.connection-string";

    static String failure(Map<String, String> properties, Class<?>... beans) {
        Exception e = assertThrows(Exception.class, () -> boot(properties, beans).close());
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
            for (Throwable s : t.getSuppressed()) {
                all.append(s.getMessage()).append('\n');
            }
        }
        return all.toString();
    }

    static SeContainer boot(Map<String, String> properties, Class<?>... beans) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        ConfigProviderResolver.instance().registerConfig(config, loader);
        try {
            return UpstreamTestApp.boot(beans);
        } finally {
            ConfigProviderResolver.instance().releaseConfig(config);
        }
    }

    static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), () -> "expected <" + expected + "> in:\n" + text);
    }

    @Test
    void twoConnectHandlersForAHub() {
        assertContains(failure(Map.of(CS, CONNECTION_STRING), ChatHandler.class, Calls.class,
                DeploymentBeans.SecondConnectHandler.class),
                "Hub 'chat' has two ConnectHandler beans, ");
    }

    @Test
    void aHandlerWithoutHub() {
        assertContains(failure(Map.of(), DeploymentBeans.UnqualifiedHandler.class),
                "Web PubSub event handler io.webpubsub.mp.impl.upstream.DeploymentBeans$UnqualifiedHandler has no"
                        + " @WebPubSubHub qualifier: annotate it with @WebPubSubHub(\"<hub>\") to name the hub whose"
                        + " events it handles");
    }

    @Test
    void oneHubSpeltTwoWays() {
        assertContains(failure(Map.of(CS, CONNECTION_STRING), ChatObservers.class, Calls.class,
                DeploymentBeans.OtherSpelling.class), "hub names are case-insensitive; use one spelling");
    }

    @Test
    void anInvalidHubName() {
        assertContains(failure(Map.of(), DeploymentBeans.InvalidHub.class),
                "Invalid @WebPubSubHub on io.webpubsub.mp.impl.upstream.DeploymentBeans$InvalidHub.connected(): the"
                        + " hub name '1chat' must start with a letter");
    }

    @Test
    void connectListedButNoConnectHandler() {
        String text = failure(Map.of(CS, CONNECTION_STRING,
                "azure.webpubsub.hubs.chat.upstream.system-events", "connect,connected,disconnected"),
                ChatObservers.class, Calls.class);
        assertContains(text, "Invalid Web PubSub configuration:\n - Hub 'chat' lists 'connect' in"
                + " 'azure.webpubsub.hubs.chat.upstream.system-events' but has no ConnectHandler bean: add a bean"
                + " annotated @WebPubSubHub(\"chat\") that implements io.webpubsub.mp.events.ConnectHandler");
    }

    @Test
    void aHubKnownOnlyFromConfigurationIsCheckedToo() {
        String text = failure(Map.of("azure.webpubsub.connection-string", CONNECTION_STRING,
                "azure.webpubsub.hubs.orders.upstream.system-events", "connect",
                "azure.webpubsub.hubs.orders.upstream.user-event-pattern", "*"));
        assertContains(text, "Hub 'orders' lists 'connect' in 'azure.webpubsub.hubs.orders.upstream.system-events'");
        assertContains(text, "Hub 'orders' sets 'azure.webpubsub.hubs.orders.upstream.user-event-pattern' but has"
                + " no UserEventHandler bean");
    }

    @Test
    void globalSystemEventsApplyToEveryHub() {
        assertContains(failure(Map.of(CS, CONNECTION_STRING, "azure.webpubsub.upstream.system-events", "connect"),
                DeploymentBeans.NotifyObserver.class, ChatObservers.class, Calls.class),
                "Hub 'notify' lists 'connect' in 'azure.webpubsub.upstream.system-events'");
    }

    @Test
    void noAccessKeyWhileSignaturesAreChecked() {
        assertContains(failure(Map.of(), ChatObservers.class, Calls.class),
                "Hub 'chat' has no access key to check event signatures with: set"
                        + " 'azure.webpubsub.hubs.chat.connection-string' (or 'azure.webpubsub.hubs.chat.endpoint' and"
                        + " 'azure.webpubsub.hubs.chat.access-key'), or turn the check off with"
                        + " 'azure.webpubsub.hubs.chat.upstream.validate-signature=false'");
    }

    @Test
    void malformedValuesAreAllReportedAtOnceWithoutSecrets() {
        Map<String, String> properties = new HashMap<>();
        properties.put(CS, "Endpoint=https://x.example;AccessKey=" + KEY + ";Port=99999");
        properties.put("azure.webpubsub.hubs.chat.upstream.validate-signature", "yes");
        properties.put("azure.webpubsub.hubs.chat.upstream.system-events", "connect,open");
        properties.put("azure.webpubsub.upstream.path", "web pubsub");
        String text = failure(properties, ChatHandler.class, Calls.class);
        assertContains(text, "Invalid azure.webpubsub.upstream.path (env AZURE_WEBPUBSUB_UPSTREAM_PATH): must be a"
                + " path of segments made of letters, digits and . _ ~ -, relative to the Jakarta REST root, e.g."
                + " 'api/webpubsub', was 'web pubsub'");
        assertContains(text, "Hub 'chat': invalid azure.webpubsub.hubs.chat.connection-string (env"
                + " AZURE_WEBPUBSUB_HUBS_CHAT_CONNECTION_STRING): The connection string's 'Port' must be a number from"
                + " 1 to 65535: 99999");
        assertContains(text, "Hub 'chat': invalid azure.webpubsub.hubs.chat.upstream.validate-signature (env"
                + " AZURE_WEBPUBSUB_HUBS_CHAT_UPSTREAM_VALIDATE_SIGNATURE): must be true or false, was 'yes'");
        assertContains(text, "Hub 'chat': invalid azure.webpubsub.hubs.chat.upstream.system-events (env"
                + " AZURE_WEBPUBSUB_HUBS_CHAT_UPSTREAM_SYSTEM_EVENTS): must list only connect, connected,"
                + " disconnected, joined, left, was 'connect,open'");
        assertFalse(text.contains(KEY));
    }

    @Test
    void aConnectionStringAndAnEndpointOnOneLevelConflict() {
        assertContains(failure(Map.of(CS, CONNECTION_STRING, "azure.webpubsub.hubs.chat.endpoint",
                "https://x.example"), ChatObservers.class, Calls.class), "Hub 'chat': both"
                + " azure.webpubsub.hubs.chat.connection-string (env AZURE_WEBPUBSUB_HUBS_CHAT_CONNECTION_STRING) and"
                + " azure.webpubsub.hubs.chat.endpoint (env AZURE_WEBPUBSUB_HUBS_CHAT_ENDPOINT) are set: set only"
                + " one");
    }

    @Test
    void turningTheSignatureCheckOffIsAWarning() {
        LogCapture logs = LogCapture.start();
        try {
            boot(Map.of("azure.webpubsub.hubs.chat.upstream.validate-signature", "false",
                    "azure.webpubsub.hubs.chat.upstream.allowed-origins", "*"), ChatObservers.class, Calls.class)
                    .close();
        } finally {
            logs.stop();
        }
        assertEquals(List.of("The signature check of Web PubSub upstream events is OFF for hub 'chat'"
                + " (azure.webpubsub.hubs.chat.upstream.validate-signature=false): anyone who can reach the endpoint"
                + " can send events as the service"), logs.messages(Level.WARNING));
    }

    @Test
    void anApplicationWithoutUpstreamBeansStartsQuietly() {
        LogCapture logs = LogCapture.start();
        try {
            boot(Map.of()).close();
        } finally {
            logs.stop();
        }
        assertEquals(List.of(), new ArrayList<>(logs.messages(Level.INFO)));
        assertEquals(List.of(), logs.messages(Level.WARNING));
    }

    @Test
    void configuredHubNamesAreReadFromPerHubUpstreamKeys() {
        assertEquals(List.of("chat", "my.hub", "quoted.hub"), UpstreamConfiguration.configuredHubs(List.of(
                "azure.webpubsub.hubs.chat.upstream.system-events",
                "azure.webpubsub.hubs.chat.connection-string",
                "azure.webpubsub.hubs.CHAT.upstream.allowed-origins",
                "azure.webpubsub.hubs.my.hub.upstream.user-event-pattern",
                "azure.webpubsub.hubs.\"quoted.hub\".upstream.validate-signature",
                "azure.webpubsub.upstream.system-events",
                "azure.webpubsub.hubs.other.endpoint")));
    }
}
