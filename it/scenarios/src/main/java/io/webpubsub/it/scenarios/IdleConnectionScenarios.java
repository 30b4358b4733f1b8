package io.webpubsub.it.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Idle connections on the runtime's own REST client: hub {@code idle} is served by the {@link IdleService} of this
 * JVM, which closes a connection after {@value IdleService#IDLE_MILLIS} ms without a request. Sends after longer
 * pauses must each succeed with exactly one request: no failure on a closed connection the client kept, and no
 * request sent twice. The hub's {@code connection-idle-timeout} is shorter than the service's; the library retries
 * nothing, so a stale connection could not hide behind a retry.
 */
public interface IdleConnectionScenarios extends Deployed {

    /** The hub on the idle service. */
    String HUB = "idle";

    /** Hub idle on the idle service: connections idle for 250 ms are dropped, and no retries. */
    static Map<String, String> hubProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("azure.webpubsub.hubs." + HUB + ".connection-string", IdleService.current().connectionString());
        p.put("azure.webpubsub.hubs." + HUB + ".connection-idle-timeout", "250ms");
        p.put("azure.webpubsub.hubs." + HUB + ".retry.max-retries", "0");
        return p;
    }

    private void send(String text) {
        String answer = app().call("POST", "hubs/" + HUB + "/send", "text/plain",
                text.getBytes(StandardCharsets.UTF_8)).ok();
        assertTrue(answer.startsWith("sent "), answer);
    }

    @Test
    default void sendsAfterTheServiceClosedIdleConnectionsSucceedWithOneRequestEach() throws InterruptedException {
        IdleService service = IdleService.current();
        service.reset();
        send("first");
        Thread.sleep(3 * IdleService.IDLE_MILLIS);
        send("after 1.5 s");
        assertEquals(2, service.requests().size(), service.requests().toString());
        Thread.sleep(6 * IdleService.IDLE_MILLIS);
        send("after 3 s");
        assertEquals(3, service.requests().size(), service.requests().toString());
        service.requests().forEach(r -> assertTrue(r.startsWith("POST /api/hubs/" + HUB + "/:send"), r));
        assertEquals(3, service.connections(), "each send after an idle period needs a fresh connection");
    }
}
