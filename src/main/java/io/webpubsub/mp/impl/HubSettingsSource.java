package io.webpubsub.mp.impl;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;

/**
 * The application's hub settings as its clients use them: the seam between the bean that owns the clients and the
 * parts that only need the settings (readiness checks), so that neither package depends on the other.
 */
public interface HubSettingsSource {

    /**
     * @param hub the hub
     * @return the hub's settings
     * @throws IllegalStateException naming the keys when the hub's configuration is incomplete or malformed
     */
    HubSettings settings(String hub);

    /**
     * The one bean of a type, as a synthetic bean creator finds it.
     *
     * @param lookup a synthetic bean creator's lookup
     * @param type the bean type
     * @param <T> the bean type
     * @return the bean
     */
    static <T> T bean(Instance<Object> lookup, Class<T> type) {
        Instance<T> bean = lookup.select(type);
        // Payara (Weld in EE mode) hands the creator a lookup of the extension's own bean archive, which cannot
        // see the beans of the library jar in WEB-INF/lib; the application's container can.
        return bean.isResolvable() ? bean.get() : CDI.current().select(type).get();
    }
}
