package io.webpubsub.emulator.impl.cli;

import io.webpubsub.emulator.EventHandler;
import io.webpubsub.emulator.WebPubSubEmulator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar webpubsub-emulator-<version>.jar [flags]}: runs the emulator until stopped and prints the connection
 * string on its own line starting {@code Endpoint=}. See the module README for every flag.
 */
public final class Main {
    /** Default port of the standalone emulator (clear of 8080 and 9080). */
    public static final int DEFAULT_PORT = 7088;

    static final String USAGE = """
            Usage: java -jar webpubsub-emulator.jar [options]
              --host <address>                 interface to bind (default 127.0.0.1)
              --port <port>                    TCP port, 0 = any free port (default 7088)
              --access-key <key>               primary access key, >= 32 bytes (default: the documented test key)
              --secondary-access-key <key>     secondary access key (optional)
              --event-handler <hub>=<url>      add an event handler to a hub; {hub} and {event} are replaced
              --user-events <hub>=<pattern>    user events of the hub's last handler: *, a name or a,b,c
              --system-events <hub>=<list>     last handler's system events: connect,connected,disconnected,joined,left
              --anonymous <hub>                allow clients without a token in the hub
              --keep-alive <seconds>           WebSocket ping interval, 1..120 (default 20)
              --recovery-window <seconds>      how long dropped reliable connections stay recoverable (default 30)
              --pending-connect-limit <n>      connect events of a hub that may wait for the handler (default 100)
              --outbound-queue-bytes <n>       bytes queued for one slow client before it is dropped (default 16777216)
              --entra-tokens                   accept unvalidated Entra ID bearer tokens on REST calls
              --live-trace                     print a live trace of hub traffic to standard output
              --config <file>                  read options from a properties file (flags given later override it)
              --help                           print this help
            """;

    private Main() {
    }

    /** Entry point. */
    public static void main(String[] args) throws InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        WebPubSubEmulator.Builder builder;
        try {
            if (List.of(args).contains("--help")) {
                System.out.print(USAGE);
                return;
            }
            builder = parse(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        WebPubSubEmulator emulator;
        try {
            emulator = builder.start();
        } catch (IllegalStateException e) {
            System.err.println("Error: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "webpubsub-emulator-shutdown"));
        System.out.println("Azure Web PubSub emulator listening on " + emulator.endpoint() + " (Ctrl+C to stop)");
        System.out.println(emulator.connectionString());
        System.out.flush();
        stopped.await();
    }

    /** Turns flags (and a config file they name) into a builder. */
    static WebPubSubEmulator.Builder parse(String[] args, PrintStream trace) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            boolean hasValue = !List.of("--entra-tokens", "--live-trace").contains(flag);
            String value = null;
            if (flag.contains("=") && flag.startsWith("--") && flag.indexOf('=') < flag.length()) {
                value = flag.substring(flag.indexOf('=') + 1);
                flag = flag.substring(0, flag.indexOf('='));
            } else if (hasValue) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                value = args[++i];
            }
            o.apply(flag, value);
        }
        return o.toBuilder(trace);
    }

    /** The options collected from a config file and flags. */
    static final class Options {
        String host = "127.0.0.1";
        int port = DEFAULT_PORT;
        String accessKey;
        String secondaryAccessKey;
        final Map<String, List<EventHandler>> handlers = new LinkedHashMap<>();
        final List<String> anonymous = new ArrayList<>();
        Duration keepAlive;
        Duration recoveryWindow;
        Integer pendingConnectLimit;
        Integer outboundQueueBytes;
        boolean entraTokens;
        boolean liveTrace;

        void apply(String flag, String value) {
            switch (flag) {
                case "--host" -> host = value;
                case "--port" -> port = integer(flag, value);
                case "--access-key" -> accessKey = value;
                case "--secondary-access-key" -> secondaryAccessKey = value;
                case "--event-handler" -> {
                    String[] kv = hubValue(flag, value);
                    handlers.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(EventHandler.url(kv[1]));
                }
                case "--user-events" -> {
                    String[] kv = hubValue(flag, value);
                    replaceLast(flag, kv[0], lastHandler(flag, kv[0]).userEvents(kv[1]));
                }
                case "--system-events" -> {
                    String[] kv = hubValue(flag, value);
                    replaceLast(flag, kv[0], lastHandler(flag, kv[0]).systemEvents(kv[1]));
                }
                case "--anonymous" -> anonymous.add(value);
                case "--keep-alive" -> keepAlive = Duration.ofSeconds(integer(flag, value));
                case "--recovery-window" -> recoveryWindow = Duration.ofSeconds(integer(flag, value));
                case "--pending-connect-limit" -> pendingConnectLimit = integer(flag, value);
                case "--outbound-queue-bytes" -> outboundQueueBytes = integer(flag, value);
                case "--entra-tokens" -> entraTokens = value == null || Boolean.parseBoolean(value);
                case "--live-trace" -> liveTrace = value == null || Boolean.parseBoolean(value);
                case "--config" -> readConfig(Path.of(value));
                default -> throw new IllegalArgumentException("Unknown option " + flag);
            }
        }

        private EventHandler lastHandler(String flag, String hub) {
            List<EventHandler> list = handlers.get(hub);
            if (list == null || list.isEmpty()) {
                throw new IllegalArgumentException(flag + " " + hub + "=...: add an --event-handler for hub " + hub
                        + " first");
            }
            return list.get(list.size() - 1);
        }

        private void replaceLast(String flag, String hub, EventHandler handler) {
            List<EventHandler> list = handlers.get(hub);
            list.set(list.size() - 1, handler);
        }

        /**
         * Properties keys: host, port, access-key, secondary-access-key, keep-alive, recovery-window,
         * pending-connect-limit, outbound-queue-bytes, entra-tokens, live-trace, hubs.<hub>.anonymous=true,
         * hubs.<hub>.event-handlers.<n>.url / .user-events / .system-events.
         */
        void readConfig(Path file) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read --config file " + file + ": " + e.getMessage());
            }
            Map<String, Map<Integer, Map<String, String>>> hubHandlers = new TreeMap<>();
            for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
                String value = p.getProperty(key).trim();
                if (key.startsWith("hubs.")) {
                    String[] parts = key.split("\\.");
                    if (parts.length == 3 && parts[2].equals("anonymous")) {
                        if (Boolean.parseBoolean(value)) {
                            anonymous.add(parts[1]);
                        }
                    } else if (parts.length == 5 && parts[2].equals("event-handlers")
                            && List.of("url", "user-events", "system-events").contains(parts[4])) {
                        hubHandlers.computeIfAbsent(parts[1], k -> new TreeMap<>())
                                .computeIfAbsent(integer(key, parts[3]), k -> new LinkedHashMap<>()).put(parts[4],
                                        value);
                    } else {
                        throw new IllegalArgumentException("Unknown key in config file: " + key);
                    }
                } else {
                    List<String> known = List.of("host", "port", "access-key", "secondary-access-key", "keep-alive",
                            "recovery-window", "pending-connect-limit", "outbound-queue-bytes", "entra-tokens",
                            "live-trace");
                    if (!known.contains(key)) {
                        throw new IllegalArgumentException("Unknown key in config file: " + key);
                    }
                    apply("--" + key, value);
                }
            }
            hubHandlers.forEach((hub, byIndex) -> byIndex.forEach((index, h) -> {
                String url = h.get("url");
                if (url == null) {
                    throw new IllegalArgumentException("Config file: hubs." + hub + ".event-handlers." + index
                            + ".url is missing");
                }
                EventHandler handler = EventHandler.url(url);
                if (h.containsKey("user-events")) {
                    handler = handler.userEvents(h.get("user-events"));
                }
                if (h.containsKey("system-events")) {
                    handler = handler.systemEvents(h.get("system-events"));
                }
                handlers.computeIfAbsent(hub, k -> new ArrayList<>()).add(handler);
            }));
        }

        WebPubSubEmulator.Builder toBuilder(PrintStream trace) {
            WebPubSubEmulator.Builder b = WebPubSubEmulator.builder().host(host).port(port);
            if (accessKey != null) {
                b.accessKey(accessKey);
            }
            if (secondaryAccessKey != null) {
                b.secondaryAccessKey(secondaryAccessKey);
            }
            handlers.forEach((hub, list) -> list.forEach(h -> b.eventHandler(hub, h)));
            anonymous.forEach(b::anonymousConnect);
            if (keepAlive != null) {
                b.keepAliveInterval(keepAlive);
            }
            if (recoveryWindow != null) {
                b.recoveryWindow(recoveryWindow);
            }
            if (pendingConnectLimit != null) {
                b.pendingConnectLimit(pendingConnectLimit);
            }
            if (outboundQueueBytes != null) {
                b.outboundQueueBytes(outboundQueueBytes);
            }
            b.entraTokens(entraTokens);
            if (liveTrace) {
                b.liveTrace(line -> {
                    synchronized (trace) {
                        trace.println(line);
                    }
                });
            }
            return b;
        }

        private static String[] hubValue(String flag, String value) {
            int eq = value.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(flag + " expects <hub>=<value>, got '" + value + "'");
            }
            return new String[]{value.substring(0, eq), value.substring(eq + 1)};
        }

        private static int integer(String name, String value) {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be an integer, got '" + value + "'");
            }
        }
    }
}
