package io.webpubsub.it.weld;

import io.smallrye.config.inject.ConfigExtension;
import jakarta.enterprise.inject.spi.Extension;
import org.jboss.resteasy.cdi.ResteasyCdiExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The Weld flavour of the app's WAR: plus the JAX-RS server and the portable extensions a Weld SE stack needs. */
final class WeldDeployment {

    private WeldDeployment() {
    }

    static WebArchive of(WebArchive war) {
        return war.addClasses(JaxrsServer.class, JaxrsServer.RequestScope.class)
                .addAsWebInfResource(new StringAsset("<beans bean-discovery-mode=\"annotated\"/>"), "beans.xml")
                .addAsServiceProvider(Extension.class, ConfigExtension.class, ResteasyCdiExtension.class);
    }
}
