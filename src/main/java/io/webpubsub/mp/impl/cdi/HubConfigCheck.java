package io.webpubsub.mp.impl.cdi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticObserver;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.EventContext;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.webpubsub.mp.impl.config.HubConfig;
import io.webpubsub.mp.impl.config.SettingsResolver;
import io.webpubsub.mp.impl.emulator.EmbeddedEmulator;
import io.webpubsub.mp.spi.WebPubSubTokenCredential;

/**
 * The configuration check of the injected hubs. {@link WebPubSubExtension} runs it at validation; on Quarkus,
 * where extensions run at build time and the run-time configuration is not known yet, this synthetic observer of
 * the application scope's initialization runs it when the application starts, and fails the start the same way.
 */
public final class HubConfigCheck implements SyntheticObserver<Object> {

    /** Bean parameter: the injected hub names. */
    static final String HUBS = "hubs";
    /** Bean parameter: for each hub, in the same order, where it is injected. */
    static final String PLACES = "places";
    /** Bean parameter: the hubs with a credential bean; "" for an unqualified one. */
    static final String CREDENTIAL_BEANS = "credentialBeans";

    @Override
    public void observe(EventContext<Object> event, Parameters params) {
        String[] hubs = params.get(HUBS, String[].class);
        String[] places = params.get(PLACES, String[].class);
        Map<String, String> where = new TreeMap<>();
        for (int i = 0; i < hubs.length; i++) {
            where.put(hubs[i], places[i]);
        }
        // beans cannot be looked up this early on Quarkus: the credential beans are known from the build
        List<String> problems = problems(where, Set.of(params.get(CREDENTIAL_BEANS, String[].class)));
        if (!problems.isEmpty()) {
            throw new DeploymentException("Invalid Web PubSub configuration:\n - " + String.join("\n - ", problems));
        }
    }

    /**
     * @param hubs each hub with where it is injected, as {@code " (injected at …)"}
     * @param credentialBeans the hubs with a credential bean; "" for an unqualified one
     * @return every problem, each ending with where its hub is injected
     */
    static List<String> problems(Map<String, String> hubs, Set<String> credentialBeans) {
        SettingsResolver.Credentials credentials = placeholders(credentialBeans);
        Config config = ConfigProvider.getConfig();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<String> problems = new ArrayList<>();
        EmbeddedEmulator.deploymentProblem(config, loader).ifPresent(problems::add);
        // hubs without configuration of their own are served by the embedded default when it is available
        boolean embedded = EmbeddedEmulator.available(config, loader);
        hubs.forEach((hub, where) -> {
            if (!embedded || EmbeddedEmulator.configured(new HubConfig(config, hub))) {
                SettingsResolver.resolve(config, hub, credentials).problems().forEach(p -> problems.add(p + where));
            }
            List<String> health = new ArrayList<>();
            SettingsResolver.health(config, hub, health);
            health.forEach(p -> problems.add(p + where));
        });
        return problems;
    }

    /** Before beans can be created, a credential bean or azure-identity counts as present. */
    private static SettingsResolver.Credentials placeholders(Set<String> credentialBeans) {
        return new SettingsResolver.Credentials() {
            @Override
            public Optional<WebPubSubTokenCredential> token(String hub) {
                boolean present = credentialBeans.contains(hub) || credentialBeans.contains("")
                        || AzureIdentity.isAvailable();
                return present ? Optional.of(scope -> {
                    throw new IllegalStateException("placeholder");
                }) : Optional.empty();
            }
        };
    }
}
