package io.webpubsub.it.weld;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.webpubsub.it.scenarios.AppConfig;
import io.webpubsub.it.scenarios.Deployed;
import io.webpubsub.it.scenarios.arquillian.AppWar;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** In the dev profile, the app without any Web PubSub configuration runs on the embedded emulator. */
@ExtendWith(ArquillianExtension.class)
class WeldDevProfileTest implements Deployed {

    @Inject
    JaxrsServer server;

    @Deployment
    static WebArchive deployment() {
        return inProfile("dev");
    }

    /** The app without any Web PubSub key (not even {@code azure.webpubsub.emulator.enabled}) in a profile. */
    static WebArchive inProfile(String profile) {
        Map<String, String> config = new LinkedHashMap<>(AppConfig.unconfigured());
        config.remove("azure.webpubsub.emulator.enabled");
        config.put("mp.config.profile", profile);
        return WeldDeployment.of(AppWar.create(profile, config));
    }

    @Override
    public URI appUri() {
        return server.uri();
    }

    @Test
    void unconfiguredHubsUseTheEmbeddedEmulator() {
        for (String hub : new String[] {"chat", "news"}) {
            String answer = app().call("POST", "hubs/" + hub + "/send", "text/plain",
                    "to the embedded emulator".getBytes(StandardCharsets.UTF_8)).ok();
            assertTrue(answer.startsWith("sent "), answer);
        }
    }
}
