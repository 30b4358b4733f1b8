package io.webpubsub.mp.events;

import java.util.Set;

import io.webpubsub.mp.spi.WebPubSubProvider;

/**
 * The Jakarta REST classes of the library's event endpoint, for applications whose {@code Application} subclass
 * lists its classes explicitly (which turns off the runtime's scanning of library jars):
 * <pre>{@code
 * @ApplicationPath("api")
 * public class RestApplication extends Application {
 *     public Set<Class<?>> getClasses() {
 *         Set<Class<?>> classes = new HashSet<>(Set.of(MyResource.class));
 *         classes.addAll(EventEndpoint.classes());
 *         return classes;
 *     }
 * }
 * }</pre>
 * Applications that do not override {@code getClasses()} (the usual case), and every Quarkus application, need
 * nothing: the runtime finds the endpoint in the library jar.
 *
 * @since 0.1.0
 */
public final class EventEndpoint {

    private EventEndpoint() {
    }

    /**
     * The resource that answers the service and the filter that serves it at
     * {@code azure.webpubsub.upstream.path}.
     *
     * @return the classes to add to {@code Application.getClasses()}; unmodifiable
     * @throws IllegalStateException if the library's implementation is not on the class path
     */
    public static Set<Class<?>> classes() {
        return WebPubSubProvider.provider().eventEndpointClasses();
    }
}
