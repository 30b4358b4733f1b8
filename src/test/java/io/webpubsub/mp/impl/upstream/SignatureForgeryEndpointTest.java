package io.webpubsub.mp.impl.upstream;

import static io.webpubsub.mp.impl.upstream.ServiceRequests.CONNECTION_STRING;
import static io.webpubsub.mp.impl.upstream.ServiceRequests.KEY;
import static io.webpubsub.mp.impl.upstream.ServiceRequests.SECONDARY_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.webpubsub.mp.events.ConnectEvent;
import io.webpubsub.mp.events.ConnectedEvent;
import io.webpubsub.mp.events.UserEvent;

/**
 * A property test over HTTP: 1,200 generated signatures on connect, user and connected events; a request reaches a bean
 * exactly when its signature is genuine, and every other request is a 401.
 */
class SignatureForgeryEndpointTest {

    @Test
    void noForgedStaleOrMissingSignatureReachesABean() {
        LogCapture logs = LogCapture.start();
        try (UpstreamTestApp app = UpstreamTestApp.start(Map.of(
                "azure.webpubsub.hubs.chat.connection-string", CONNECTION_STRING,
                "azure.webpubsub.hubs.chat.upstream.secondary-access-key", SECONDARY_KEY),
                ChatHandler.class, ChatObservers.class, Calls.class)) {
            Calls calls = app.bean(Calls.class);
            Forgeries forgeries = new Forgeries(4242L, List.of(KEY, SECONDARY_KEY));
            int genuine = 0;
            for (int i = 0; i < 1_200; i++) {
                Forgeries.Case c = forgeries.next();
                boolean expected = forgeries.genuine(c);
                int before = calls.received().size();
                ServiceRequests.Event event = switch (i % 3) {
                    case 0 -> ServiceRequests.connect("chat", c.connectionId()).json("{}");
                    case 1 -> ServiceRequests.user("chat", c.connectionId(), "message", "text/plain", new byte[] {'x'});
                    default -> ServiceRequests.connected("chat", c.connectionId());
                };
                HttpResponse<String> response = app.send(event.header("ce-signature", c.header())
                        .to(app.uri("/api/webpubsub/hubs/chat")));
                assertEquals(expected ? 204 : 401, response.statusCode(), () -> "case " + c + ": " + response.body());
                assertEquals(before + (expected ? 1 : 0), calls.received().size(), () -> "case " + c);
                if (expected) {
                    genuine++;
                    Object received = calls.received().get(before);
                    String id = received instanceof UserEvent u ? u.context().connectionId()
                            : received instanceof ConnectEvent e ? e.context().connectionId()
                            : ((ConnectedEvent) received).context().connectionId();
                    assertEquals(c.connectionId(), id);
                }
            }
            assertTrue(genuine > 150 && genuine < 450, "genuine cases: " + genuine);
        } finally {
            logs.stop();
        }
        logs.assertNoSecret(KEY, SECONDARY_KEY);
    }
}
