package io.webpubsub.mp.impl.cdi;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;

import io.webpubsub.mp.WebPubSubHubAsyncClient;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.impl.HubSettingsSource;
import io.webpubsub.mp.rest.WebPubSubRestApi;

/** Creators of the synthetic {@code @WebPubSubHub} beans; the hub comes as the bean parameter {@code hub}. */
public final class HubClientCreators {

    static final String HUB = "hub";

    private HubClientCreators() {
    }

    /**
     * @param lookup a synthetic bean creator's lookup
     * @return the application's {@link HubClientsBean}
     */
    public static HubClientsBean clients(Instance<Object> lookup) {
        return HubSettingsSource.bean(lookup, HubClientsBean.class);
    }

    /** Creates {@link WebPubSubHubClient} beans. */
    public static final class Sync implements SyntheticBeanCreator<WebPubSubHubClient> {
        @Override
        public WebPubSubHubClient create(Instance<Object> lookup, Parameters params) {
            return clients(lookup).forHub(params.get(HUB, String.class));
        }
    }

    /** Creates {@link WebPubSubHubAsyncClient} beans. */
    public static final class Async implements SyntheticBeanCreator<WebPubSubHubAsyncClient> {
        @Override
        public WebPubSubHubAsyncClient create(Instance<Object> lookup, Parameters params) {
            return clients(lookup).forHubAsync(params.get(HUB, String.class));
        }
    }

    /** Creates {@link WebPubSubRestApi} beans. */
    public static final class Rest implements SyntheticBeanCreator<WebPubSubRestApi> {
        @Override
        public WebPubSubRestApi create(Instance<Object> lookup, Parameters params) {
            return clients(lookup).restApi(params.get(HUB, String.class));
        }
    }
}
