package io.webpubsub.it.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The library's MicroProfile Health readiness checks on a runtime: the app's hub {@code pulse} is on the
 * {@link StoppableService} ({@link #hubProperties()}, part of {@link AppConfig#properties()}), hub {@code chat} on
 * the emulator of the run. Stopping the pulse service turns {@code /health/ready} DOWN naming that hub; starting
 * it again on the same port turns it UP.
 */
public interface HealthScenarios extends Deployed {

    /** The hub whose service the scenario stops. */
    String HUB = "pulse";
    /** The name of the library's check of {@link #HUB}. */
    String CHECK = "Azure Web PubSub hub " + HUB;
    /** Long enough for a probe that times out, the cache and a slow runtime. */
    Duration BOUND = Duration.ofSeconds(60);

    /** Hub pulse on the stoppable service, a short cache of the readiness probes. */
    static Map<String, String> hubProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("azure.webpubsub.hubs." + HUB + ".connection-string", StoppableService.current().connectionString());
        p.put("azure.webpubsub.health.cache-ttl", "500ms");
        p.put("azure.webpubsub.health.timeout", "2s");
        return p;
    }

    /** Where the runtime serves MicroProfile Health readiness. */
    default String readinessPath() {
        return "/health/ready";
    }

    @Test
    default void readinessIsUpThenDownNamingTheHubWhileItsServiceIsStoppedThenUpAgain() {
        StoppableService pulse = StoppableService.current();
        pulse.start();
        FaultyService.current().reset(); // hub faulty's service answers its probe normally
        try {
            JsonObject up = awaitReadiness(r -> r.status() == 200, "UP with the service running");
            assertEquals("UP", check(up, CHECK).getString("status"), up.toString());
            assertEquals(HUB, check(up, CHECK).getJsonObject("data").getString("hub"));
            assertEquals("UP", check(up, "Azure Web PubSub hub chat").getString("status"), up.toString());

            pulse.stop();
            JsonObject down = awaitReadiness(r -> r.status() == 503, "DOWN after the service stopped");
            assertEquals("DOWN", down.getString("status"), down.toString());
            JsonObject check = check(down, CHECK);
            assertEquals("DOWN", check.getString("status"), down.toString());
            assertEquals(HUB, check.getJsonObject("data").getString("hub"));
            assertEquals(true, check.getJsonObject("data").containsKey("error"), down.toString());
            assertEquals("UP", check(down, "Azure Web PubSub hub chat").getString("status"), down.toString());

            pulse.start();
            JsonObject again = awaitReadiness(r -> r.status() == 200, "UP after the service restarted");
            assertEquals("UP", check(again, CHECK).getString("status"), again.toString());
        } finally {
            pulse.start();
        }
    }

    private AppClient.Answer readiness() {
        return app().call("GET", readinessPath(), null, null);
    }

    /** Polls readiness until the answer matches, within {@link #BOUND}; returns its JSON. */
    private JsonObject awaitReadiness(Predicate<AppClient.Answer> expected, String what) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        AppClient.Answer last = readiness();
        while (!expected.test(last) || !last.body().contains(CHECK)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("readiness not " + what + " within " + BOUND + ": " + last.status() + " "
                        + last.body());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = readiness();
        }
        try (JsonReader reader = Json.createReader(new StringReader(last.body()))) {
            return reader.readObject();
        }
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(c -> name.equals(c.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no check '" + name + "' in " + health));
    }
}
