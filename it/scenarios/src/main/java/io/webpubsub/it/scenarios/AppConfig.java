package io.webpubsub.it.scenarios;

import java.util.LinkedHashMap;
import java.util.Map;

/** The app's whole configuration, generated at test time: what goes into its microprofile-config.properties. */
public final class AppConfig {

    /** The value the smoke resource echoes, proving the generated file was read. */
    public static final String SMOKE_GREETING = "configured at test time";

    private AppConfig() {
    }

    /** The properties of the app talking to the service of this test run. */
    public static Map<String, String> properties() {
        return properties(ServiceUnderTest.current().connectionString());
    }

    /** The properties of a deployment talking to the emulator (or service) with this connection string. */
    public static Map<String, String> properties(String connectionString) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("it.smoke.greeting", SMOKE_GREETING);
        p.put("azure.webpubsub.connection-string", connectionString);
        p.put("azure.webpubsub.hubs.chat.upstream.system-events", "connect,connected,disconnected,joined,left");
        p.put("azure.webpubsub.hubs.chat.upstream.user-event-pattern", "*");
        // the hubs of the readiness and fault-tolerance scenarios, on their own local services; one configuration
        // for every test class, so Quarkus starts the app once
        p.putAll(HealthScenarios.hubProperties());
        p.putAll(FaultToleranceScenarios.hubProperties());
        p.putAll(IdleConnectionScenarios.hubProperties());
        return p;
    }

    /** The properties without any Web PubSub key: a deployment that must fail to start. */
    public static Map<String, String> unconfigured() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("it.smoke.greeting", SMOKE_GREETING);
        // the Weld test JVM carries the emulator, whose presence would otherwise start the embedded default
        p.put("azure.webpubsub.emulator.enabled", "false");
        return p;
    }

    /**
     * The properties without any hub connection, with a malformed upstream key and a malformed emulator key (which
     * also keeps the embedded default off): a deployment that must fail to start once, listing every problem.
     */
    public static Map<String, String> misconfigured() {
        Map<String, String> p = unconfigured();
        p.put("azure.webpubsub.emulator.enabled", "maybe");
        p.put("azure.webpubsub.hubs.chat.upstream.validate-signature", "sometimes");
        return p;
    }

    /** The properties in {@code .properties} syntax. */
    public static String asPropertiesFile(Map<String, String> properties) {
        StringBuilder out = new StringBuilder();
        properties.forEach((k, v) -> out.append(escape(k, true)).append('=').append(escape(v, false)).append('\n'));
        return out.toString();
    }

    private static String escape(String s, boolean key) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '=', ':', '#', '!' -> out.append('\\').append(c);
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
