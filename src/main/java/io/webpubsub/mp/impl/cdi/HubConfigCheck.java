package io.webpubsub.mp.impl.cdi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;
import jakarta.enterprise.inject.spi.DeploymentException;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.webpubsub.mp.impl.config.ConfigurationProblems;
import io.webpubsub.mp.impl.config.HubConfig;
import io.webpubsub.mp.impl.config.SettingsResolver;
import io.webpubsub.mp.impl.emulator.EmbeddedEmulator;
import io.webpubsub.mp.spi.WebPubSubTokenCredential;

/**
 * The one start-up check of the configuration: the embedded emulator's settings, each injected hub's client,
 * readiness-check and telemetry settings, and every other part that has configuration
 * ({@link ConfigurationProblems} beans: the upstream side), reported together in one {@link DeploymentException}
 * ({@code Invalid Web PubSub configuration:} and one {@code  - } line per problem), so that an application never
 * fails twice before it has seen every problem. Invalid {@code @WebPubSubHub} names at injection points, found at
 * build time, are listed too, so that they and the configuration are fixed in one go; the event handler beans'
 * problems, which need no configuration, fail the deployment earlier (at validation; on Quarkus, the build).
 *
 * <p>A synthetic bean carrying what {@link WebPubSubExtension} found at build time; {@link HubClientsBean} runs it
 * when the application scope is initialized, before every other observer of that event ({@code LIBRARY_BEFORE}),
 * on every runtime. That is the one point all four runtimes share: on Quarkus the extension runs at build time, so
 * a check at validation would see the build's configuration, not the run's; the application scope's
 * initialization is the first event of the run on Quarkus (JVM and packaged jar) and, on Weld SE, Open Liberty and
 * Payara, it is fired while the application is deployed, where an exception fails the deployment with its
 * message. It is run by a bean rather than a synthetic observer because it needs the other parts' beans, and
 * {@code CDI.current()} is not available that early on Quarkus.
 */
public final class HubConfigCheck {

    /** Bean parameter: the injected hub names. */
    static final String HUBS = "hubs";
    /** Bean parameter: for each hub, in the same order, where it is injected. */
    static final String PLACES = "places";
    /** Bean parameter: the problems of invalid hub names at injection points, found at build time. */
    static final String NAME_PROBLEMS = "nameProblems";
    /** Bean parameter: the hubs with a credential bean; "" for an unqualified one. */
    static final String CREDENTIAL_BEANS = "credentialBeans";

    private final List<String> nameProblems;
    private final Map<String, String> hubs;
    private final Set<String> credentialBeans;

    private HubConfigCheck(List<String> nameProblems, Map<String, String> hubs, Set<String> credentialBeans) {
        this.nameProblems = nameProblems;
        this.hubs = hubs;
        this.credentialBeans = credentialBeans;
    }

    /** Creates the check from the extension's parameters. */
    public static final class Creator implements SyntheticBeanCreator<HubConfigCheck> {
        @Override
        public HubConfigCheck create(Instance<Object> lookup, Parameters params) {
            String[] names = params.get(HUBS, String[].class);
            String[] places = params.get(PLACES, String[].class);
            Map<String, String> where = new TreeMap<>();
            for (int i = 0; i < names.length; i++) {
                where.put(names[i], places[i]);
            }
            return new HubConfigCheck(List.of(params.get(NAME_PROBLEMS, String[].class)), where,
                    Set.of(params.get(CREDENTIAL_BEANS, String[].class)));
        }
    }

    /**
     * Runs the check.
     *
     * @param parts the other parts that have configuration
     * @throws DeploymentException listing every problem
     */
    void run(Iterable<ConfigurationProblems> parts) {
        // credential beans are not created this early: those found at build time count as present
        check(nameProblems, hubs, credentialBeans, parts);
    }

    /**
     * Fails with every problem, if there is any.
     *
     * @param nameProblems the invalid hub names at injection points
     * @param hubs each injected hub with where it is injected, as {@code " (injected at …)"}
     * @param credentialBeans the hubs with a credential bean; "" for an unqualified one
     * @param parts the other parts that have configuration
     * @throws DeploymentException listing every problem
     */
    public static void check(List<String> nameProblems, Map<String, String> hubs, Set<String> credentialBeans,
            Iterable<ConfigurationProblems> parts) {
        Set<String> reported = new HashSet<>();
        List<String> problems = new ArrayList<>(nameProblems);
        problems.addAll(problems(hubs, credentialBeans, reported));
        parts.forEach(part -> problems.addAll(part.problems(reported)));
        if (!problems.isEmpty()) {
            throw new DeploymentException("Invalid Web PubSub configuration:\n - " + String.join("\n - ", problems));
        }
    }

    /**
     * @param hubs each hub with where it is injected, as {@code " (injected at …)"}
     * @param credentialBeans the hubs with a credential bean; "" for an unqualified one
     * @param reported receives the hubs (lower case) with problems in their client settings
     * @return every problem of the embedded emulator and the injected hubs, each hub's ending with where it is
     *         injected
     */
    static List<String> problems(Map<String, String> hubs, Set<String> credentialBeans, Set<String> reported) {
        SettingsResolver.Credentials credentials = placeholders(credentialBeans);
        Config config = ConfigProvider.getConfig();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<String> problems = new ArrayList<>();
        Optional<String> emulatorProblem = EmbeddedEmulator.deploymentProblem(config, loader);
        emulatorProblem.ifPresent(problems::add);
        // hubs without configuration of their own are served by the embedded default when it is available
        boolean embedded = emulatorProblem.isEmpty() && EmbeddedEmulator.available(config, loader);
        hubs.forEach((hub, where) -> {
            if (!embedded || EmbeddedEmulator.configured(new HubConfig(config, hub))) {
                List<String> found = SettingsResolver.resolve(config, hub, credentials).problems();
                found.forEach(p -> problems.add(p + where));
                if (!found.isEmpty()) {
                    reported.add(hub.toLowerCase(Locale.ROOT));
                }
            }
            List<String> others = new ArrayList<>();
            SettingsResolver.health(config, hub, others);
            SettingsResolver.telemetry(config, hub, others);
            others.forEach(p -> problems.add(p + where));
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
