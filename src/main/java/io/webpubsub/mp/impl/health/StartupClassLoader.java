package io.webpubsub.mp.impl.health;

import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticObserver;
import jakarta.enterprise.inject.spi.EventContext;

/**
 * Records the context class loader of the thread that starts the application, for the readiness checks to run
 * under. Health features call checks on threads of their own: Payara's has a class loader that does not see the
 * application's configuration, and the application's plain class loader is not enough on Open Liberty, where the
 * REST client implementation is found through the context class loader of an application thread (with either, the
 * probe's REST client could not be built or configured).
 */
public final class StartupClassLoader implements SyntheticObserver<Object> {

    private static volatile ClassLoader loader;

    @Override
    public void observe(EventContext<Object> event, Parameters params) {
        loader = Thread.currentThread().getContextClassLoader();
    }

    /**
     * @param fallback used before the application has started, or where the starting thread had none
     * @return the class loader readiness checks run under
     */
    static ClassLoader get(ClassLoader fallback) {
        ClassLoader recorded = loader;
        return recorded != null ? recorded : fallback;
    }
}
