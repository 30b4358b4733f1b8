package io.webpubsub.mp.impl.upstream;

import static io.webpubsub.mp.impl.upstream.ServiceRequests.CONNECTION_STRING;
import static io.webpubsub.mp.impl.upstream.ServiceRequests.KEY;
import static io.webpubsub.mp.impl.upstream.ServiceRequests.ORIGIN;
import static io.webpubsub.mp.impl.upstream.ServiceRequests.SECONDARY_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.junit.jupiter.api.Test;

import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.WebPubSubKeyCredential;
import io.webpubsub.mp.events.ConnectedEvent;

/** The endpoint under each configuration choice: keys, origins, signature check, path, missing handlers. */
class UpstreamSettingsEndpointTest {

    static final String HUB_PATH = "/api/webpubsub/hubs/chat";

    @Test
    void theSecondaryKeyIsAcceptedForRotation() {
        try (UpstreamTestApp app = UpstreamTestApp.start(Map.of(
                "azure.webpubsub.hubs.chat.connection-string", CONNECTION_STRING,
                "azure.webpubsub.hubs.chat.upstream.secondary-access-key", SECONDARY_KEY),
                ChatObservers.class, Calls.class)) {
            assertEquals(204, app.send(ServiceRequests.connected("chat", "c1")
                    .header("ce-signature", SignatureVerifier.sign(SECONDARY_KEY, "c1")).to(app.uri(HUB_PATH)))
                    .statusCode());
            assertEquals(401, app.send(ServiceRequests.connected("chat", "c1")
                    .header("ce-signature", SignatureVerifier.sign(Forgeries.STALE_KEY, "c1")).to(app.uri(HUB_PATH)))
                    .statusCode());
        }
    }

    /** The key credential bean the hub client signs with is the key event signatures are checked against. */
    @ApplicationScoped
    public static class RotatingKey {
        static final WebPubSubKeyCredential CREDENTIAL = new WebPubSubKeyCredential(KEY);

        @Produces
        @WebPubSubHub("chat")
        WebPubSubKeyCredential chatKey() {
            return CREDENTIAL;
        }
    }

    @Test
    void aKeyCredentialBeanRotatesTheKeyTheSignatureCheckUses() {
        try (UpstreamTestApp app = UpstreamTestApp.start(Map.of("azure.webpubsub.hubs.chat.endpoint", "https://"
                + ORIGIN), ChatObservers.class, Calls.class, RotatingKey.class)) {
            assertEquals(204, app.send(ServiceRequests.connected("chat", "c1").to(app.uri(HUB_PATH))).statusCode());
            RotatingKey.CREDENTIAL.update(SECONDARY_KEY);
            assertEquals(401, app.send(ServiceRequests.connected("chat", "c1").to(app.uri(HUB_PATH))).statusCode());
            assertEquals(204, app.send(ServiceRequests.connected("chat", "c1")
                    .header("ce-signature", SignatureVerifier.sign(SECONDARY_KEY, "c1")).to(app.uri(HUB_PATH)))
                    .statusCode());
        } finally {
            RotatingKey.CREDENTIAL.update(KEY);
        }
    }

    @Test
    void endpointAndAccessKeyWorkLikeAConnectionStringAndGlobalKeysApplyToEveryHub() {
        try (UpstreamTestApp app = UpstreamTestApp.start(Map.of(
                "azure.webpubsub.endpoint", "http://localhost:8080/",
                "azure.webpubsub.access-key", KEY), ChatObservers.class, Calls.class)) {
            assertEquals(204, app.send(ServiceRequests.connected("chat", "c1").to(app.uri(HUB_PATH))).statusCode());
            HttpResponse<String> validation = app.send(ServiceRequests.validation(app.uri(HUB_PATH), "localhost"));
            assertEquals("localhost", validation.headers().firstValue("WebHook-Allowed-Origin").orElseThrow());
            validation = app.send(ServiceRequests.validation(app.uri(HUB_PATH), "localhost:8080"));
            assertEquals("localhost:8080", validation.headers().firstValue("WebHook-Allowed-Origin").orElseThrow());
        }
    }

    @Test
    void aPerHubEndpointBeatsAGlobalConnectionString() {
        try (UpstreamTestApp app = UpstreamTestApp.start(Map.of(
                "azure.webpubsub.connection-string", "Endpoint=https://global.example;AccessKey=global-key-0123456789"
                        + "abcdefghijklmnopqrstuvwxyz;Version=1.0;",
                "azure.webpubsub.hubs.chat.endpoint", "https://" + ORIGIN,
                "azure.webpubsub.hubs.chat.access-key", KEY), ChatObservers.class, Calls.class)) {
            assertEquals(204, app.send(ServiceRequests.connected("chat", "c1").to(app.uri(HUB_PATH))).statusCode());
            assertEquals(403, app.send(ServiceRequests.validation(app.uri(HUB_PATH), "global.example"))
                    .statusCode());
        }
    }

    @Test
    void anExplicitAllowListReplacesTheEndpointHost() {
        try (UpstreamTestApp app = UpstreamTestApp.start(Map.of(
                "azure.webpubsub.hubs.chat.connection-string", CONNECTION_STRING,
                "azure.webpubsub.hubs.chat.upstream.allowed-origins", "a.example.com, B.example.com"),
                ChatObservers.class, Calls.class)) {
            assertEquals(403, app.send(ServiceRequests.validation(app.uri(HUB_PATH), ORIGIN)).statusCode());
            assertEquals("b.example.com", app.send(ServiceRequests.validation(app.uri(HUB_PATH), "b.example.com"))
                    .headers().firstValue("WebHook-Allowed-Origin").orElseThrow());
        }
    }

    @Test
    void aWildcardIsAnsweredOnlyWhenConfigured() {
        try (UpstreamTestApp app = UpstreamTestApp.start(Map.of(
                "azure.webpubsub.hubs.chat.connection-string", CONNECTION_STRING,
                "azure.webpubsub.hubs.chat.upstream.allowed-origins", "*"), ChatObservers.class, Calls.class)) {
            assertEquals("*", app.send(ServiceRequests.validation(app.uri(HUB_PATH), "anything.example"))
                    .headers().firstValue("WebHook-Allowed-Origin").orElseThrow());
        }
    }

    @Test
    void withTheCheckOffUnsignedEventsAreDelivered() {
        try (UpstreamTestApp app = UpstreamTestApp.start(Map.of(
                "azure.webpubsub.hubs.chat.upstream.validate-signature", "false",
                "azure.webpubsub.hubs.chat.upstream.allowed-origins", ORIGIN), ChatObservers.class, Calls.class)) {
            assertEquals(204, app.send(ServiceRequests.connected("chat", "c1").header("ce-signature", null)
                    .to(app.uri(HUB_PATH))).statusCode());
            assertTrue(app.bean(Calls.class).received().get(0) instanceof ConnectedEvent);
        }
    }

    @Test
    void aConfiguredPathMovesTheEndpoint() {
        try (UpstreamTestApp app = UpstreamTestApp.start(Map.of(
                "azure.webpubsub.hubs.chat.connection-string", CONNECTION_STRING,
                "azure.webpubsub.upstream.path", "/events/wps/"), ChatObservers.class, Calls.class)) {
            assertEquals(204, app.send(ServiceRequests.connected("chat", "c1")
                    .to(app.uri("/api/events/wps/hubs/chat"))).statusCode());
            assertEquals(204, app.send(ServiceRequests.connected("chat", "c1")
                    .to(app.uri("/api/events/wps?x=1"))).statusCode());
            assertEquals(200, app.send(ServiceRequests.validation(app.uri("/api/events/wps/hubs/chat/validate"),
                    ORIGIN)).statusCode());
            assertEquals(404, app.send(ServiceRequests.connected("chat", "c1").to(app.uri(HUB_PATH))).statusCode());
            assertEquals(404, app.send(ServiceRequests.connected("chat", "c1").to(app.uri("/api/events/wpsx")))
                    .statusCode());
            assertEquals(2, app.bean(Calls.class).received().size());
        }
    }

    @Test
    void withoutHandlersConnectIsAcceptedAndUserEventsGetNoReply() {
        LogCapture logs = LogCapture.start();
        try (UpstreamTestApp app = UpstreamTestApp.start(Map.of(
                "azure.webpubsub.hubs.chat.connection-string", CONNECTION_STRING), ChatObservers.class, Calls.class)) {
            assertEquals(204, app.send(ServiceRequests.connect("chat", "c1").json("{}").to(app.uri(HUB_PATH)))
                    .statusCode());
            for (int i = 0; i < 2; i++) {
                assertEquals(204, app.send(ServiceRequests.user("chat", "c1", "message", "text/plain",
                        "x".getBytes(StandardCharsets.UTF_8)).to(app.uri(HUB_PATH))).statusCode());
            }
        } finally {
            logs.stop();
        }
        assertEquals(List.of("Hub 'chat' received the user event 'message' but has no UserEventHandler bean; user"
                + " events are answered with no reply"), logs.messages(Level.WARNING));
    }
}
