package io.webpubsub.it.scenarios;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deployment of the app without any Web PubSub configuration must not start: the library fails it and says
 * which keys to set for each injected hub. Each runtime module has one test that deploys such an app and hands
 * what the runtime reported (exception text or server log) to {@link #assertReported(String)}.
 */
public final class Misconfiguration {

    private Misconfiguration() {
    }

    /** The texts the library's deployment failure must contain: each hub the app injects, and the key to set. */
    public static final String[] EXPECTED = {
        "'news'", "'chat'", "azure.webpubsub.connection-string",
    };

    /** Asserts the runtime's report of the failed deployment carries the library's message. */
    public static void assertReported(String report) {
        for (String expected : EXPECTED) {
            assertTrue(report.contains(expected), "the failed deployment does not mention " + expected + ":\n"
                    + report);
        }
    }
}
