package io.webpubsub.mp.impl.health;

import java.util.List;

import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

import io.webpubsub.mp.WebPubSubHub;

/** The synthetic {@code @Readiness @WebPubSubHub("<hub>")} beans; loaded only when MicroProfile Health is present. */
final class ReadinessBeans {

    private ReadinessBeans() {
    }

    static void add(SyntheticComponents components, List<String> hubs) {
        for (String hub : hubs) {
            // one instance per application: it holds the probe's cache and REST client (no proxy needed)
            components.addBean(HealthCheck.class).type(HealthCheck.class).qualifier(Readiness.Literal.INSTANCE)
                    .qualifier(WebPubSubHub.Literal.of(hub)).scope(Singleton.class)
                    .withParam(HubReadinessCheck.HUB, hub)
                    .createWith(HubReadinessCheck.Creator.class).disposeWith(HubReadinessCheck.Disposer.class);
        }
        components.addObserver(Object.class).qualifier(Initialized.Literal.APPLICATION)
                .observeWith(StartupClassLoader.class);
    }
}
