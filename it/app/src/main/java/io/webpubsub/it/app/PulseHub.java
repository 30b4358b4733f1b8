package io.webpubsub.it.app;

import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.WebPubSubHubClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Injects hub {@value #HUB}, so the library gives it a readiness check: the it/ readiness scenarios stop and restart
 * that hub's service. Nothing sends to it.
 */
@ApplicationScoped
public class PulseHub {

    /** The hub whose service the readiness scenarios stop. */
    public static final String HUB = "pulse";

    @Inject
    @WebPubSubHub(HUB)
    WebPubSubHubClient pulse;
}
