package io.webpubsub.it.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.webpubsub.it.scenarios.Failures;
import io.webpubsub.it.scenarios.Misconfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The app (a dependency of this module) without Web PubSub configuration must not start on Quarkus. The app is
 * started by a nested {@code @QuarkusTest} without the emulator's test resource, run through the JUnit test kit so
 * that its failure to start can be asserted (surefire skips nested classes itself).
 */
class QuarkusUnconfiguredTest {

    @Test
    void appWithoutConfigurationFailsToStartWithTheLibrarysMessage() {
        List<Event> failed = EngineTestKit.engine("junit-jupiter")
                .selectors(DiscoverySelectors.selectClass(UnconfiguredApp.class))
                .execute()
                .allEvents().failed().list();
        assertEquals(1, failed.size(), "the unconfigured app started: " + failed);
        Throwable failure = failed.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow();
        Misconfiguration.assertReported(Failures.text(failure));
    }

    /** The app with only the module's application.properties: no azure.webpubsub key at all. */
    @QuarkusTest
    static class UnconfiguredApp {
        @Test
        void starts() {
        }
    }
}
