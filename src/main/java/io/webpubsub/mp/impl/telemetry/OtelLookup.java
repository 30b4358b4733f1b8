package io.webpubsub.mp.impl.telemetry;

import jakarta.enterprise.inject.Instance;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;

/** Finds the application's OpenTelemetry; loaded only when the API is present. */
final class OtelLookup {

    private OtelLookup() {
    }

    /**
     * The runtime's CDI bean (Quarkus, Open Liberty {@code mpTelemetry}, Payara), else the global instance (the Java
     * agent or the application set it), else the no-op instance. {@code getOrNoop} does not freeze the global: an
     * application may still set it later, for clients created after that. Calls made here and in the other classes
     * of this package exist in every OpenTelemetry API from 1.29 on (Payara 6 ships 1.29).
     */
    static OpenTelemetry find(Instance<Object> beans) {
        if (beans != null) {
            Instance<OpenTelemetry> bean = beans.select(OpenTelemetry.class);
            if (bean.isResolvable()) {
                return bean.get();
            }
        }
        try {
            return GlobalOpenTelemetry.getOrNoop();
        } catch (NoSuchMethodError olderApi) {
            // an API without getOrNoop (e.g. the 1.29 of Payara 6): GlobalOpenTelemetry.get() would freeze the global
            return OpenTelemetry.noop();
        }
    }
}
