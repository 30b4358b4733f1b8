package io.webpubsub.bench.quarkus;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntFunction;

import jakarta.enterprise.inject.spi.CDI;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.webpubsub.bench.client.ClientLoad;
import io.webpubsub.bench.client.Clients;
import io.webpubsub.bench.client.SendClient;

/**
 * The benchmark app. {@code load <impl> <connection string> <hub> <group> <callers> <warmup s> <measure s>
 * <rounds>} runs {@link ClientLoad} on {@code ours-sync}, {@code ours-async} (the injected clients),
 * {@code sdk-sync}, {@code sdk-async}, or the floor on the app's own Vert.x, {@code vertx-sync} or
 * {@code vertx-async} ({@link VertxFloor}). {@code cold <ours|sdk|floor> <connection string> <hub> <group>} sends one
 * message and prints the JVM uptime at {@code main}, when the client was ready and at the first 202.
 */
@QuarkusMain
public class BenchApp implements QuarkusApplication {

    public static void main(String... args) {
        Quarkus.run(BenchApp.class, args);
    }

    @Override
    public int run(String... args) throws Exception {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (args[0].equals("load")) {
            ClientLoad.drive(client(rest[0], rest[1], rest[2]), rest);
            return 0;
        }
        long atMain = uptime();
        SendClient client = client(rest[0] + "-sync", rest[1], rest[2]);
        long ready = uptime();
        client.send(rest[3], "hello from the benchmark");
        System.out.printf(Locale.ROOT, "FIRST202 mainMs=%d readyMs=%d uptimeMs=%d%n", atMain, ready, uptime());
        client.close();
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static SendClient client(String impl, String connectionString, String hub) throws Exception {
        if (impl.startsWith("vertx-")) {
            VertxFloor floor = CDI.current().select(VertxFloor.class).get();
            floor.target(connectionString, hub);
            return floor.apply(impl.endsWith("async") ? 1 : 0);
        }
        if (!impl.startsWith("ours-")) {
            return Clients.create(impl, connectionString, hub);
        }
        Object ours = CDI.current().select(Class.forName("io.webpubsub.bench.quarkus.OursClients")).get();
        return ((IntFunction<SendClient>) ours).apply(impl.endsWith("async") ? 1 : 0);
    }

    private static long uptime() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }
}
