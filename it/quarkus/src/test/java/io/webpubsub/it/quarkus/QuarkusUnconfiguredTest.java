package io.webpubsub.it.quarkus;

import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.QuarkusUnitTest;
import io.webpubsub.it.scenarios.Failures;
import io.webpubsub.it.scenarios.Misconfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The app (a dependency of this module) without Web PubSub configuration does not start on Quarkus. */
class QuarkusUnconfiguredTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .assertException(e -> Misconfiguration.assertReported(Failures.text(e)));

    @Test
    void appWithoutConfigurationFailsToStartWithTheLibrarysMessage() {
        fail("the app started without any Web PubSub configuration");
    }
}
