package io.webpubsub.mp.impl.upstream;

import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;

/**
 * The hubs named by {@code @WebPubSubHub} on event handler beans and event observers, as found by
 * {@link UpstreamExtension} at deployment (on Quarkus at build time) and handed to run time as a synthetic bean.
 */
public final class UpstreamHubs {

    static final String PARAM = "hubs";

    private final List<String> names;

    UpstreamHubs(List<String> names) {
        this.names = List.copyOf(names);
    }

    /** The hub names, each spelt as in the application's qualifiers. */
    List<String> names() {
        return names;
    }

    /** Creates the synthetic bean from the extension's parameter. */
    public static final class Creator implements SyntheticBeanCreator<UpstreamHubs> {
        /** Creates the bean from the {@code hubs} parameter. */
        @Override
        public UpstreamHubs create(Instance<Object> lookup, Parameters params) {
            return new UpstreamHubs(List.of(params.get(PARAM, String[].class, new String[0])));
        }
    }
}
