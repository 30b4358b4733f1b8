package io.webpubsub.it.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.webpubsub.it.scenarios.AppConfig;
import io.webpubsub.it.scenarios.Deployed;

/**
 * In Quarkus's test launch mode, the app without any Web PubSub configuration runs on the embedded emulator (on
 * the class path of this module): its sends succeed. The production start of the same app fails instead
 * ({@link QuarkusUnconfiguredTest}).
 */
@QuarkusTest
@TestProfile(QuarkusEmbeddedDefaultTest.NoServiceConfigured.class)
class QuarkusEmbeddedDefaultTest implements Deployed {

    /** Only the app's own key: no connection string, no {@code azure.webpubsub.emulator.enabled}. */
    public static class NoServiceConfigured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("it.smoke.greeting", AppConfig.SMOKE_GREETING);
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Override
    public URI appUri() {
        return URI.create(base.toString());
    }

    @Test
    void unconfiguredHubsUseTheEmbeddedEmulatorInTheTestLaunchMode() {
        String answer = app().call("POST", "hubs/chat/send", "text/plain",
                "to the embedded emulator".getBytes(StandardCharsets.UTF_8)).ok();
        assertEquals(true, answer.startsWith("sent "), answer);
        app().call("POST", "hubs/news/send", "text/plain", "news".getBytes(StandardCharsets.UTF_8)).ok();
    }
}
