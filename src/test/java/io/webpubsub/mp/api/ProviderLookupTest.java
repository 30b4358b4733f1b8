package io.webpubsub.mp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.webpubsub.mp.events.EventEndpoint;
import io.webpubsub.mp.impl.upstream.UpstreamPathFilter;
import io.webpubsub.mp.impl.upstream.UpstreamResource;
import io.webpubsub.mp.spi.WebPubSubProvider;

/** The API finds the implementation through {@link WebPubSubProvider}, and says clearly when it cannot. */
class ProviderLookupTest {

    @Test
    void theApiReachesTheImplementationThroughTheProvider() {
        assertEquals(Set.of(UpstreamResource.class, UpstreamPathFilter.class), EventEndpoint.classes());
    }

    @Test
    void aJarWithoutItsServiceEntryFailsWithAClearMessage() throws Exception {
        URL classes = WebPubSubProvider.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader withoutServices = new URLClassLoader(new URL[] {classes},
                ClassLoader.getPlatformClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.startsWith("META-INF/services/") ? Collections.emptyEnumeration()
                        : super.getResources(name);
            }
        }) {
            Class<?> provider = withoutServices.loadClass(WebPubSubProvider.class.getName());
            Thread thread = Thread.currentThread();
            ClassLoader context = thread.getContextClassLoader();
            thread.setContextClassLoader(withoutServices);
            try {
                InvocationTargetException e = assertThrows(InvocationTargetException.class,
                        () -> provider.getMethod("provider").invoke(null));
                assertEquals("No implementation of io.webpubsub.mp.spi.WebPubSubProvider found: the"
                        + " io.webpubsub:webpubsub-mp jar must be on the class path with its META-INF/services"
                        + " entries (keep them when shading or repackaging it)", e.getCause().getMessage());
            } finally {
                thread.setContextClassLoader(context);
            }
        }
    }
}
