package io.webpubsub.it.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A deployment of the app with {@link AppConfig#misconfigured()} must not start: the library fails it once, with
 * one message that lists every problem (each injected hub without connection settings, the malformed upstream key,
 * the malformed emulator key). Each runtime module has one test that deploys such an app and hands what the runtime
 * reported (exception text or server log) to {@link #assertReported(String)}.
 */
public final class Misconfiguration {

    /** The first line of the library's message; one {@code " - "} line per problem follows. */
    public static final String HEADER = "Invalid Web PubSub configuration:";
    /** The problem of the malformed emulator key. */
    public static final String BAD_EMULATOR_KEY = "Invalid azure.webpubsub.emulator.enabled (env"
            + " AZURE_WEBPUBSUB_EMULATOR_ENABLED): must be true or false, was 'maybe'";
    /** The problem of the malformed upstream key. */
    public static final String BAD_UPSTREAM_KEY = "Hub 'chat': invalid"
            + " azure.webpubsub.hubs.chat.upstream.validate-signature (env"
            + " AZURE_WEBPUBSUB_HUBS_CHAT_UPSTREAM_VALIDATE_SIGNATURE): must be true or false, was 'sometimes'";

    private Misconfiguration() {
    }

    /** Asserts the report of a deployment with {@link AppConfig#misconfigured()} lists its every problem once. */
    public static void assertReported(String report) {
        assertReported(report, AppConfig.misconfigured());
    }

    /**
     * Asserts the runtime's report carries the library's one message, listing in order: the malformed emulator key
     * (if the configuration has it), every hub the app injects (among them 'chat' and 'news') once, the malformed
     * upstream key (if the configuration has it) and nothing else: no second line for hub 'chat' from the upstream
     * side, whose connection settings are reported once.
     *
     * @param report what the runtime reported
     * @param config the deployment's configuration
     */
    public static void assertReported(String report, Map<String, String> config) {
        List<String> problems = problems(report);
        List<String> expected = new ArrayList<>();
        if ("maybe".equals(config.get("azure.webpubsub.emulator.enabled"))) {
            expected.add(BAD_EMULATOR_KEY);
        }
        expected.add("Hub 'chat' has no connection settings: set azure.webpubsub.hubs.chat.connection-string");
        expected.add("Hub 'news' has no connection settings: set azure.webpubsub.hubs.news.connection-string");
        boolean badUpstreamKey = config.containsKey("azure.webpubsub.hubs.chat.upstream.validate-signature");
        if (badUpstreamKey) {
            expected.add(BAD_UPSTREAM_KEY);
        }
        int next = 0;
        for (String problem : problems) {
            if (next < expected.size() && problem.startsWith(expected.get(next))) {
                next++;
            } else {
                assertTrue(problem.startsWith("Hub '") && problem.contains("' has no connection settings: set "),
                        "unexpected problem <" + problem + ">:\n" + report);
            }
        }
        assertEquals(expected.size(), next, "missing, in this order: " + expected + "\n" + report);
        if (badUpstreamKey) {
            assertTrue(problems.get(problems.size() - 1).startsWith(BAD_UPSTREAM_KEY), "not last: " + BAD_UPSTREAM_KEY
                    + "\n" + report);
        }
    }

    /** The problem lines that follow the first header in the report. */
    private static List<String> problems(String report) {
        int header = report.indexOf(HEADER);
        assertTrue(header >= 0, "the failed deployment does not carry the library's message:\n" + report);
        List<String> lines = new ArrayList<>();
        for (String line : report.substring(header + HEADER.length()).split("\r?\n", -1)) {
            if (lines.isEmpty() && line.isBlank()) {
                continue;
            }
            if (!line.startsWith(" - ")) {
                break;
            }
            // Payara prints the message, " -- " and the message again on the last line
            int repeated = line.indexOf(HEADER);
            lines.add(line.substring(3, repeated < 0 ? line.length() : repeated).trim());
            if (repeated >= 0) {
                break;
            }
        }
        return lines;
    }
}
