package io.webpubsub.mp.spi;

import java.util.Iterator;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The seam between the contract packages and the library's implementation: {@code WebPubSubClientBuilder} and
 * {@code EventEndpoint} reach the implementation only through this type. <b>Implemented by the library itself, not
 * by applications</b>; its methods may change in any release.
 *
 * <p>The implementation is found with {@link ServiceLoader} ({@code META-INF/services/io.webpubsub.mp.spi.
 * WebPubSubProvider} in the library jar): first through the thread's context class loader, which is the
 * application's loader on Open Liberty, Payara and Quarkus, then through the loader of this class, for plain Java
 * SE and for containers whose context loader does not see the library.
 *
 * @since 0.1.0
 */
public abstract class WebPubSubProvider {

    /** For the library's implementation only. */
    protected WebPubSubProvider() {
    }

    /**
     * Finds the library's implementation.
     *
     * @return the implementation
     * @throws IllegalStateException if none is found (the library jar is incomplete or repackaged without its
     *         {@code META-INF/services} entry) or it cannot be loaded
     */
    public static WebPubSubProvider provider() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader own = WebPubSubProvider.class.getClassLoader();
        for (ClassLoader loader : context == null || context == own ? new ClassLoader[] {own}
                : new ClassLoader[] {context, own}) {
            try {
                Iterator<WebPubSubProvider> found = ServiceLoader.load(WebPubSubProvider.class, loader).iterator();
                if (found.hasNext()) {
                    return found.next();
                }
            } catch (ServiceConfigurationError e) {
                throw new IllegalStateException("Cannot load the Web PubSub library's implementation ("
                        + WebPubSubProvider.class.getName() + "): " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("No implementation of " + WebPubSubProvider.class.getName() + " found: the"
                + " io.webpubsub:webpubsub-mp jar must be on the class path with its META-INF/services entries (keep"
                + " them when shading or repackaging it)");
    }

    /**
     * Checks one argument of a builder method at once, so that an obviously bad value fails where it is passed.
     *
     * @param setter the builder method, e.g. {@code endpoint(String)}
     * @param value the argument
     * @return the value to keep (e.g. a normalised endpoint); null for a method that accepts null
     * @throws NullPointerException if the value is null where it must not be
     * @throws IllegalArgumentException if the value is malformed; the message names the method and never contains
     *         a secret
     */
    public abstract Object check(String setter, Object value);

    /**
     * Builds a client from the builder's settings, applying the same rules as to MicroProfile Config.
     *
     * @param type {@code WebPubSubHubClient}, {@code WebPubSubHubAsyncClient} or {@code WebPubSubRestApi}
     * @param settings each builder method called (as in {@link #check(String, Object)}) with its checked value
     * @param <T> the client type
     * @return a new client
     * @throws IllegalStateException listing every missing or conflicting setting, naming the builder methods
     */
    public abstract <T> T build(Class<T> type, Map<String, Object> settings);

    /**
     * The Jakarta REST classes of the event endpoint.
     *
     * @return the classes; unmodifiable
     */
    public abstract Set<Class<?>> eventEndpointClasses();
}
