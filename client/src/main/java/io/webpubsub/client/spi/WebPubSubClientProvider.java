package io.webpubsub.client.spi;

import io.webpubsub.client.WebPubSubClient;
import java.util.Iterator;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The seam through which {@link io.webpubsub.client.WebPubSubClientBuilder} reaches the implementation, so that
 * the API never refers to it. <b>Implemented by the client library itself, not by applications</b>; may change in
 * any release.
 *
 * <p>Found with {@link ServiceLoader} ({@code META-INF/services/io.webpubsub.client.spi.WebPubSubClientProvider}):
 * through the thread's context class loader first (the application's loader in a container), then through the
 * loader of this class.
 */
public abstract class WebPubSubClientProvider {

    /** For the client library's implementation only. */
    protected WebPubSubClientProvider() {
    }

    /**
     * Finds the implementation.
     *
     * @return the implementation
     * @throws IllegalStateException if none is found (the jar was repackaged without its {@code META-INF/services}
     *         entry) or it cannot be loaded
     */
    public static WebPubSubClientProvider provider() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader own = WebPubSubClientProvider.class.getClassLoader();
        for (ClassLoader loader : context == null || context == own ? new ClassLoader[] {own}
                : new ClassLoader[] {context, own}) {
            try {
                Iterator<WebPubSubClientProvider> found = ServiceLoader.load(WebPubSubClientProvider.class, loader)
                        .iterator();
                if (found.hasNext()) {
                    return found.next();
                }
            } catch (ServiceConfigurationError e) {
                throw new IllegalStateException("Cannot load the Web PubSub client's implementation ("
                        + WebPubSubClientProvider.class.getName() + "): " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("No implementation of " + WebPubSubClientProvider.class.getName()
                + " found: the io.webpubsub:webpubsub-client jar must be on the class path with its"
                + " META-INF/services entries (keep them when shading or repackaging it)");
    }

    /**
     * Creates a client (not started).
     *
     * @param options every option of the builder by its name (e.g. {@code "protocol"}), checked; a null value where
     *        the builder allows it
     * @return the client
     */
    public abstract WebPubSubClient create(Map<String, Object> options);
}
