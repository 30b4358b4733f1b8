package io.webpubsub.mp.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.webpubsub.mp.WebPubSubClients;
import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.WebPubSubHubAsyncClient;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.impl.cdi.HubClientsBean;
import io.webpubsub.mp.impl.cdi.HubConfigCheck;
import io.webpubsub.mp.impl.config.SettingsResolver;
import io.webpubsub.mp.impl.emulator.EmbeddedEmulatorBean;
import io.webpubsub.mp.models.Message;
import io.webpubsub.mp.rest.WebPubSubRestApi;
import io.webpubsub.mp.testing.FakeService;
import io.webpubsub.mp.testing.StartupFailures;
import io.webpubsub.mp.testing.Jwts;

class ExtensionTest {

    static final String KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

    FakeService service;

    @BeforeEach
    void start() throws Exception {
        service = new FakeService();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Dependent
    public static class Chat {
        @Inject
        @WebPubSubHub("chat")
        WebPubSubHubClient chat;

        @Inject
        @WebPubSubHub("chat")
        WebPubSubHubAsyncClient chatAsync;

        @Inject
        @WebPubSubHub("news")
        WebPubSubRestApi news;

        @Inject
        WebPubSubClients clients;
    }

    @Dependent
    public static class Broken {
        @Inject
        @WebPubSubHub("nowhere")
        WebPubSubHubClient unconfigured;

        @Inject
        @WebPubSubHub("9lives")
        WebPubSubHubAsyncClient badName;

        Broken() {
        }

        @Inject
        Broken(@WebPubSubHub("nowhere") WebPubSubHubAsyncClient again) {
        }
    }

    static WeldContainer boot(Class<?>... beans) {
        return new Weld().disableDiscovery().addBeanClasses(HubClientsBean.class, EmbeddedEmulatorBean.class)
                .addBeanClasses(beans).initialize();
    }

    @Test
    void injectsOneClientPerHubAndType() {
        try (TestConfig config = TestConfig.of(Map.of(
                "azure.webpubsub.connection-string", "Endpoint=" + service.endpoint() + ";AccessKey=" + KEY,
                "azure.webpubsub.hubs.news.service-version", "2024-01-01"));
                WeldContainer weld = boot(Chat.class)) {
            Chat chat = weld.select(Chat.class).get();
            chat.chat.sendToGroup("g", Message.text("hi"));
            chat.chatAsync.sendToAll(Message.text("all")).toCompletableFuture().join();
            chat.news.sendToAll("news", null, "2024-01-01", "text/plain", new byte[] {'n'}, null, null);
            assertEquals("chat", chat.chat.getHub());
            assertEquals("chat", chat.clients.forHub("chat").getHub());
            assertEquals(java.util.List.of("/api/hubs/chat/groups/g/:send?api-version=2024-12-01",
                    "/api/hubs/chat/:send?api-version=2024-12-01",
                    "/api/hubs/news/:send?api-version=2024-01-01"),
                    service.requests().stream().map(FakeService.Recorded::target).toList());
            service.requests().forEach(r -> Jwts.bearer(r.header("Authorization"), KEY));
            assertSame(weld.select(WebPubSubHubClient.class, WebPubSubHub.Literal.of("chat")).get().getHub(),
                    chat.chat.getHub());
        }
    }

    @Test
    void deploymentFailsOnceListingEveryProblem() {
        try (TestConfig config = TestConfig.of(Map.of())) {
            DeploymentException e = StartupFailures.failure(() -> boot(Broken.class).close());
            String broken = "io.webpubsub.mp.cdi.ExtensionTest$Broken";
            assertEquals(java.util.List.of(
                    "Invalid @WebPubSubHub (injected at " + broken + ".badName): the hub name '9lives' must start"
                            + " with a letter, contain only letters, digits and _ ` , . [ ] and be at most 128"
                            + " characters long",
                    "Hub 'nowhere' has no connection settings: set azure.webpubsub.hubs.nowhere.connection-string"
                            + " (env AZURE_WEBPUBSUB_HUBS_NOWHERE_CONNECTION_STRING) or"
                            + " azure.webpubsub.connection-string (env AZURE_WEBPUBSUB_CONNECTION_STRING), or"
                            + " azure.webpubsub.hubs.nowhere.endpoint (env AZURE_WEBPUBSUB_HUBS_NOWHERE_ENDPOINT) or"
                            + " azure.webpubsub.endpoint (env AZURE_WEBPUBSUB_ENDPOINT) with an access-key or an"
                            + " Entra ID credential (injected at " + broken + ".<init> parameter 1, " + broken
                            + ".unconfigured)"),
                    StartupFailures.problems(e));
        }
    }

    @Dependent
    public static class BadSettings {
        @Inject
        @WebPubSubHub("chat")
        WebPubSubHubClient chat;
    }

    @Test
    void invalidSettingsAreReportedWithTheirKeys() {
        try (TestConfig config = TestConfig.of(Map.of(
                "azure.webpubsub.hubs.chat.connection-string", "Endpoint=ftp://x;AccessKey=" + KEY,
                "azure.webpubsub.retry.max-retries", "many",
                "azure.webpubsub.hubs.chat.read-timeout", "soon"))) {
            DeploymentException e = StartupFailures.failure(() -> boot(BadSettings.class).close());
            String at = " (injected at io.webpubsub.mp.cdi.ExtensionTest$BadSettings.chat)";
            assertEquals(java.util.List.of(
                    "Hub 'chat': invalid azure.webpubsub.hubs.chat.connection-string (env"
                            + " AZURE_WEBPUBSUB_HUBS_CHAT_CONNECTION_STRING): The endpoint must be an absolute http://"
                            + " or https:// URL: ftp://x" + at,
                    "Hub 'chat': invalid azure.webpubsub.retry.max-retries (env AZURE_WEBPUBSUB_RETRY_MAX_RETRIES):"
                            + " must be a whole number of at least 0, was 'many'" + at,
                    "Hub 'chat': invalid azure.webpubsub.hubs.chat.read-timeout (env"
                            + " AZURE_WEBPUBSUB_HUBS_CHAT_READ_TIMEOUT): must be a duration such as PT0.8S, 800ms,"
                            + " 10s, 5m or 1h, was 'soon'" + at),
                    StartupFailures.problems(e));
            assertFalse(e.getMessage().contains(KEY));
        }
    }

    @Test
    void runTimeHubsComeFromWebPubSubClients() {
        try (TestConfig config = TestConfig.of(Map.of(
                "azure.webpubsub.hubs.tenant1.connection-string", "Endpoint=" + service.endpoint() + ";AccessKey="
                        + KEY));
                WeldContainer weld = boot()) {
            WebPubSubClients clients = weld.select(WebPubSubClients.class).get();
            clients.forHubAsync("tenant1").sendToUser("u", Message.text("x")).toCompletableFuture().join();
            assertEquals("/api/hubs/tenant1/users/u/:send?api-version=2024-12-01", service.only().target());
            assertEquals("Invalid 'hub': the hub name 'bad hub' must start with a letter, contain only letters,"
                    + " digits and _ ` , . [ ] and be at most 128 characters long",
                    assertThrows(IllegalArgumentException.class, () -> clients.forHub("bad hub")).getMessage());
            assertEquals("Hub 'other' has no connection settings: set azure.webpubsub.hubs.other.connection-string"
                    + " (env AZURE_WEBPUBSUB_HUBS_OTHER_CONNECTION_STRING) or azure.webpubsub.connection-string (env"
                    + " AZURE_WEBPUBSUB_CONNECTION_STRING), or azure.webpubsub.hubs.other.endpoint (env"
                    + " AZURE_WEBPUBSUB_HUBS_OTHER_ENDPOINT) or azure.webpubsub.endpoint (env AZURE_WEBPUBSUB_ENDPOINT)"
                    + " with an access-key or an Entra ID credential",
                    assertThrows(IllegalStateException.class, () -> clients.forHub("other")).getMessage());
        }
    }

    @Dependent
    public static class EntraUser {
        @Inject
        @WebPubSubHub("secure")
        WebPubSubHubClient secure;
    }

    @ApplicationScoped
    public static class Credentials {
        @jakarta.enterprise.inject.Produces
        @WebPubSubHub("secure")
        io.webpubsub.mp.spi.WebPubSubTokenCredential credential = scope -> new io.webpubsub.mp.spi
                .WebPubSubAccessToken("entra-token", java.time.Instant.now().plusSeconds(3600));
    }

    @Test
    void endpointWithoutKeyUsesTheCredentialBeanOfTheHub() {
        try (TestConfig config = TestConfig.of(Map.of("azure.webpubsub.endpoint", service.endpoint()));
                WeldContainer weld = boot(EntraUser.class, Credentials.class)) {
            weld.select(EntraUser.class).get().secure.removeUserFromAllGroups("u");
            assertEquals("Bearer entra-token", service.only().header("Authorization"));
        }
    }

    @Test
    void discoveryFindsTheLibraryBeans() {
        try (TestConfig config = TestConfig.of(Map.of("azure.webpubsub.connection-string",
                "Endpoint=" + service.endpoint() + ";AccessKey=" + KEY));
                WeldContainer weld = new Weld().addBeanClass(Chat.class).initialize()) {
            weld.select(Chat.class).get().chat.sendToAll(Message.text("x"));
            assertEquals("/api/hubs/chat/:send?api-version=2024-12-01", service.only().target());
        }
    }

    @Dependent
    public static class Rotating {
        @Inject
        @WebPubSubHub("rotating")
        WebPubSubHubClient client;
    }

    public static class Keys {
        static final io.webpubsub.mp.WebPubSubKeyCredential KEY_CREDENTIAL =
                new io.webpubsub.mp.WebPubSubKeyCredential(KEY);

        @jakarta.enterprise.inject.Produces
        @WebPubSubHub("rotating")
        io.webpubsub.mp.WebPubSubKeyCredential key() {
            return KEY_CREDENTIAL;
        }
    }

    @Test
    void aKeyCredentialBeanMakesTheKeyRotatable() {
        String newKey = "0123456789abcdefghijklmnopqrstuvwxyz-NEW-KEY";
        try (TestConfig config = TestConfig.of(Map.of("azure.webpubsub.hubs.rotating.endpoint", service.endpoint()));
                WeldContainer weld = boot(Rotating.class, Keys.class)) {
            WebPubSubHubClient client = weld.select(Rotating.class).get().client;
            client.removeUserFromAllGroups("u");
            Keys.KEY_CREDENTIAL.update(newKey);
            client.removeUserFromAllGroups("u");
            Jwts.bearer(service.requests().get(0).header("Authorization"), KEY);
            Jwts.bearer(service.requests().get(1).header("Authorization"), newKey);
        }
    }

    /** The one start-up check, as every runtime runs it: the same problems, in one exception. */
    @Test
    void startupCheckReportsEveryUnconfiguredHubWithItsInjectionPoint() {
        Map<String, String> hubs = new java.util.TreeMap<>(Map.of("chat", " (injected at a.B.chat)",
                "news", " (injected at a.B.news)", "entra", " (injected at a.B.entra)"));
        try (TestConfig config = TestConfig.of(Map.of(
                "azure.webpubsub.hubs.chat.connection-string", "Endpoint=" + service.endpoint() + ";AccessKey=" + KEY,
                "azure.webpubsub.hubs.entra.endpoint", service.endpoint()))) {
            DeploymentException e = assertThrows(DeploymentException.class,
                    () -> HubConfigCheck.check(java.util.List.of(), hubs, java.util.Set.of("entra"),
                            java.util.List.of()));
            assertEquals("Invalid Web PubSub configuration:\n - " + SettingsResolver.missingMessage("news")
                    + " (injected at a.B.news)", e.getMessage());
        }
        try (TestConfig config = TestConfig.of(Map.of(
                "azure.webpubsub.connection-string", "Endpoint=" + service.endpoint() + ";AccessKey=" + KEY))) {
            HubConfigCheck.check(java.util.List.of(), hubs, java.util.Set.of("entra"), java.util.List.of());
        }
    }
}
