package io.webpubsub.emulator.mp;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.webpubsub.emulator.EventHandler;
import io.webpubsub.emulator.WebPubSubEmulator;
import io.webpubsub.mp.spi.LocalServiceProvider;

/**
 * The emulator as webpubsub-mp's embedded default: with this artifact on an application's class path, hubs that have
 * no connection string are served by an emulator started on a free loopback port, whose event handlers point at the
 * application's own upstream endpoint.
 *
 * <p>Each start gets a fresh random access key. Registered in
 * {@code META-INF/services/io.webpubsub.mp.spi.LocalServiceProvider}; not meant to be called directly.
 */
public final class EmulatorServiceProvider implements LocalServiceProvider {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public EmulatorServiceProvider() {
    }

    @Override
    public String name() {
        String version = EmulatorServiceProvider.class.getPackage().getImplementationVersion();
        return version == null ? "webpubsub-emulator" : "webpubsub-emulator " + version;
    }

    @Override
    public LocalService start(Function<String, Optional<Upstream>> upstream) {
        WebPubSubEmulator emulator = WebPubSubEmulator.builder()
                .host("127.0.0.1")
                .port(0)
                .accessKey(randomKey())
                .start();
        emulator.eventHandlers(hub -> upstream.apply(hub).map(EmulatorServiceProvider::handler).stream().toList());
        return new Running(emulator);
    }

    private static EventHandler handler(Upstream upstream) {
        return EventHandler.url(upstream.urlTemplate())
                .userEvents(upstream.userEventPattern())
                .systemEvents(upstream.systemEvents().toArray(String[]::new));
    }

    private static String randomKey() {
        byte[] key = new byte[33];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    private record Running(WebPubSubEmulator emulator) implements LocalService {

        @Override
        public String connectionString() {
            return emulator.connectionString();
        }

        @Override
        public void close() {
            emulator.close();
        }

        @Override
        public String toString() {
            return "embedded " + emulator;
        }
    }
}
