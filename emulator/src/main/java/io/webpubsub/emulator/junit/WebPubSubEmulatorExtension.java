package io.webpubsub.emulator.junit;

import io.webpubsub.emulator.WebPubSubEmulator;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Gives JUnit 5 tests a running {@link WebPubSubEmulator}, injected as a parameter of test, lifecycle or constructor
 * methods. By default one emulator serves the whole test class (started before the first test, closed after the
 * last); {@link #perTest()} gives each test method a fresh one. Faults injected with
 * {@link WebPubSubEmulator#inject(io.webpubsub.emulator.Fault)} are cleared before each test, so one test's faults
 * never reach the next; {@link WebPubSubEmulator#inspect(String)} tells a test what a hub holds and delivered.
 *
 * <pre>{@code
 * @ExtendWith(WebPubSubEmulatorExtension.class)
 * class ChatTest {
 *     @Test
 *     void sends(WebPubSubEmulator emulator) { ... emulator.connectionString() ... }
 * }
 *
 * class ConfiguredTest {
 *     @RegisterExtension
 *     static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension(b -> b.anonymousConnect("chat"));
 * }
 * }</pre>
 */
public final class WebPubSubEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(WebPubSubEmulatorExtension.class);

    private final Consumer<WebPubSubEmulator.Builder> configuration;
    private final boolean perTest;

    /** An extension whose emulators use the builder defaults (loopback, ephemeral port, default key). */
    public WebPubSubEmulatorExtension() {
        this(builder -> { }, false);
    }

    /** An extension whose emulators are configured by {@code configuration} before they start. */
    public WebPubSubEmulatorExtension(Consumer<WebPubSubEmulator.Builder> configuration) {
        this(configuration, false);
    }

    private WebPubSubEmulatorExtension(Consumer<WebPubSubEmulator.Builder> configuration, boolean perTest) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.perTest = perTest;
    }

    /** The same configuration, with a fresh emulator for every test method. */
    public WebPubSubEmulatorExtension perTest() {
        return new WebPubSubEmulatorExtension(configuration, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!perTest) {
            emulator(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator(context).clearFaults();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WebPubSubEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return emulator(context);
    }

    /** The emulator of the current class (or test method with {@link #perTest()}), started on first use. */
    public WebPubSubEmulator emulator(ExtensionContext context) {
        ExtensionContext owner = perTest && context.getTestMethod().isPresent() ? context : classContext(context);
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(Holder.class, k -> {
            WebPubSubEmulator.Builder builder = WebPubSubEmulator.builder();
            configuration.accept(builder);
            return new Holder(builder.start());
        }, Holder.class).emulator;
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /** Closes the emulator when JUnit closes the store. */
    @SuppressWarnings("deprecation")
    private static final class Holder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final WebPubSubEmulator emulator;

        Holder(WebPubSubEmulator emulator) {
            this.emulator = emulator;
        }

        @Override
        public void close() {
            emulator.close();
        }
    }
}
