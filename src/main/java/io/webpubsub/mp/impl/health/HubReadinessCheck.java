package io.webpubsub.mp.impl.health;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanDisposer;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.webpubsub.mp.impl.HubSettingsSource;
import io.webpubsub.mp.impl.config.HealthSettings;
import io.webpubsub.mp.impl.config.SettingsResolver;

/**
 * The MicroProfile Health readiness check of one hub: UP when the hub's service answers {@code HEAD /api/health}
 * (see {@link ServiceProbe}), else DOWN with the reason. Its data: {@code hub}, {@code host} (the service's
 * {@code host[:port]}) and, when down, {@code error}; never a key or token. A synthetic {@code @Readiness}
 * bean registered by {@link HealthRegistration}.
 *
 * <p>The bean is a {@link Proxy} implementing {@link HealthCheck} with this handler: no class of the library has a
 * MicroProfile Health supertype, so a class path without the API never meets one (some containers, such as
 * Arquillian's Weld embedded, load every class of a deployment and fail on a missing interface).
 */
public final class HubReadinessCheck implements InvocationHandler, AutoCloseable {

    /** Bean parameter: the hub. */
    static final String HUB = "hub";
    /** The check's name is this followed by the hub. */
    public static final String NAME_PREFIX = "Azure Web PubSub hub ";

    private static final ClassLoader APP_LOADER = HubReadinessCheck.class.getClassLoader();

    private final String hub;
    /** Null when the check was turned off after it was registered (Quarkus registers at build time). */
    private final ServiceProbe probe;

    HubReadinessCheck(String hub, ServiceProbe probe) {
        this.hub = hub;
        this.probe = probe;
    }

    /** @return the check as the {@link HealthCheck} bean instance */
    HealthCheck asHealthCheck() {
        return (HealthCheck) Proxy.newProxyInstance(APP_LOADER, new Class<?>[] {HealthCheck.class}, this);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "call" -> call();
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "HubReadinessCheck[" + hub + "]";
        };
    }

    /**
     * Probes (or answers from the cache) and reports.
     *
     * @return the check's response
     */
    public HealthCheckResponse call() {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(StartupClassLoader.get(APP_LOADER));
        try {
            return respond();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private HealthCheckResponse respond() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hub", hub);
        if (probe == null) {
            data.put("probe", "disabled");
            return new HealthCheckResponse(NAME_PREFIX + hub, HealthCheckResponse.Status.UP, Optional.of(data));
        }
        ServiceProbe.Outcome outcome = probe.probe();
        if (outcome.host() != null) {
            data.put("host", outcome.host());
        }
        if (!outcome.up()) {
            data.put("error", outcome.error());
        }
        return new HealthCheckResponse(NAME_PREFIX + hub,
                outcome.up() ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN, Optional.of(data));
    }

    @Override
    public void close() {
        if (probe != null) {
            probe.close();
        }
    }

    /** Creates the check of the hub named by the bean parameter {@value #HUB}. */
    public static final class Creator implements SyntheticBeanCreator<HealthCheck> {
        @Override
        public HealthCheck create(Instance<Object> lookup, Parameters params) {
            String hub = params.get(HUB, String.class);
            HubSettingsSource clients = HubSettingsSource.bean(lookup, HubSettingsSource.class);
            // malformed values were reported by the deployment check; the defaults stand in for them here
            HealthSettings health = SettingsResolver.health(ConfigProvider.getConfig(APP_LOADER), hub,
                    new ArrayList<>());
            return new HubReadinessCheck(hub, health.enabled()
                    ? new ServiceProbe(() -> clients.settings(hub), health, System::nanoTime) : null).asHealthCheck();
        }
    }

    /** Releases the probe's REST client when the application stops. */
    public static final class Disposer implements SyntheticBeanDisposer<HealthCheck> {
        @Override
        public void dispose(HealthCheck check, Instance<Object> lookup, Parameters params) {
            ((HubReadinessCheck) Proxy.getInvocationHandler(check)).close();
        }
    }
}
