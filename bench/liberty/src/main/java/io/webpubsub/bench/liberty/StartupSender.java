package io.webpubsub.bench.liberty;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.CDI;

import io.webpubsub.bench.client.Clients;
import io.webpubsub.bench.client.SendClient;

/**
 * The cold-start app: when the application starts, sends one message to the group {@code room-1} of the hub
 * {@code bench} and prints {@code FIRST202 mainMs=<JVM uptime when the app started> readyMs=<client ready>
 * uptimeMs=<202 received>}. System properties (the suite's jvm.options): {@code bench.client} = {@code floor}
 * (the JDK HttpClient with a token computed at start: the build without a Web PubSub client), {@code ours} (the
 * injected client of {@link OursSender}, configured by {@code azure.webpubsub.hubs.bench.connection-string}) or
 * {@code sdk} (the official SDK, built as its README shows); {@code bench.cs} = the connection string.
 */
@ApplicationScoped
public class StartupSender {

    @SuppressWarnings("unchecked")
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object context) throws Exception {
        long atStart = uptime();
        String kind = System.getProperty("bench.client");
        SendClient client = kind.equals("ours")
                ? ((Supplier<SendClient>) CDI.current().select(Class.forName(getClass().getPackageName()
                        + ".OursSender")).get()).get()
                : Clients.create(kind + "-sync", System.getProperty("bench.cs"), "bench");
        long ready = uptime();
        client.send("room-1", "hello from the benchmark");
        // one println of a whole line: Liberty's System.out turns each piece printf writes into a line of its own
        System.out.println(String.format(Locale.ROOT, "FIRST202 mainMs=%d readyMs=%d uptimeMs=%d", atStart, ready,
                uptime()));
        System.out.flush();
        client.close();
    }

    private static long uptime() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }
}
