package io.webpubsub.mp.impl.cdi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.ConfigProvider;

import io.webpubsub.mp.WebPubSubClients;
import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.WebPubSubHubAsyncClient;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.WebPubSubKeyCredential;
import io.webpubsub.mp.impl.HubNames;
import io.webpubsub.mp.impl.HubRuntime;
import io.webpubsub.mp.impl.HubSettings;
import io.webpubsub.mp.impl.HubSettingsSource;
import io.webpubsub.mp.impl.config.ConfigurationProblems;
import io.webpubsub.mp.impl.config.SettingSource;
import io.webpubsub.mp.impl.config.SettingsResolver;
import io.webpubsub.mp.impl.emulator.EmbeddedEmulatorBean;
import io.webpubsub.mp.impl.telemetry.Telemetry;
import io.webpubsub.mp.rest.WebPubSubRestApi;
import io.webpubsub.mp.spi.WebPubSubTokenCredential;

/**
 * Owns the {@link HubRuntime} of every hub used in the application (injected or looked up at run time) and closes
 * them at shutdown; runs the one start-up check of the configuration ({@link HubConfigCheck}).
 */
@ApplicationScoped
@Named("io.webpubsub.mp.WebPubSubClients") // a named bean is never removed as unused (Quarkus ArC)
public class HubClientsBean implements WebPubSubClients, SettingsResolver.Credentials, HubSettingsSource {

    private static final System.Logger LOG = System.getLogger("io.webpubsub.mp");

    private final Map<String, HubRuntime> runtimes = new ConcurrentHashMap<>();

    @Inject
    @Any
    Instance<WebPubSubTokenCredential> tokenCredentials;

    @Inject
    @Any
    Instance<WebPubSubKeyCredential> keyCredentials;

    @Inject
    EmbeddedEmulatorBean embedded;

    /** Where the runtime's {@code OpenTelemetry} bean is looked up. */
    @Inject
    Instance<Object> beans;

    @Inject
    Instance<HubConfigCheck> startupCheck;

    @Inject
    @Any
    Instance<ConfigurationProblems> otherParts;

    private volatile Telemetry.Clients telemetry;

    /** Runs the start-up check before every other observer of the application's start (see HubConfigCheck). */
    void checkConfiguration(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE)
            @Initialized(ApplicationScoped.class) Object started) {
        if (startupCheck.isResolvable()) {
            startupCheck.get().run(otherParts);
        }
    }

    @Override
    public WebPubSubHubClient forHub(String hub) {
        return runtime(hub).sharedClient();
    }

    @Override
    public WebPubSubHubAsyncClient forHubAsync(String hub) {
        return runtime(hub).sharedAsyncClient();
    }

    /**
     * @param hub the hub
     * @return the shared REST client of the hub
     */
    public WebPubSubRestApi restApi(String hub) {
        return runtime(hub).restApi();
    }

    /**
     * @param hub the hub
     * @return the hub's settings, as its clients use them (created on first use)
     * @throws IllegalStateException naming the keys when the hub's configuration is incomplete or malformed
     */
    @Override
    public HubSettings settings(String hub) {
        return runtime(hub).settings();
    }

    private HubRuntime runtime(String hub) {
        Objects.requireNonNull(hub, "hub");
        HubNames.hubProblem(hub).ifPresent(problem -> {
            throw new IllegalArgumentException("Invalid 'hub': " + problem);
        });
        return runtimes.computeIfAbsent(hub, h -> {
            HubRuntime runtime = HubRuntime.create(SettingsResolver.resolve(ConfigProvider.getConfig(), h, this)
                    .orThrow(), telemetry());
            LOG.log(System.Logger.Level.DEBUG, "Created the clients of {0}", runtime.settings());
            return runtime;
        });
    }

    private Telemetry.Clients telemetry() {
        if (telemetry == null) {
            telemetry = Telemetry.clients(beans, ConfigProvider.getConfig());
        }
        return telemetry;
    }

    @Override
    public Optional<String> embedded(SettingSource hub) {
        return embedded.emulator().connectionStringFor(hub);
    }

    @Override
    public Optional<WebPubSubKeyCredential> key(String hub) {
        return bean(keyCredentials, hub);
    }

    /** A credential bean qualified with the hub, else an unqualified one, else azure-identity if present. */
    @Override
    public Optional<WebPubSubTokenCredential> token(String hub) {
        Optional<WebPubSubTokenCredential> bean = bean(tokenCredentials, hub);
        return bean.isPresent() ? bean : AzureIdentity.credential();
    }

    private static <T> Optional<T> bean(Instance<T> beans, String hub) {
        Instance<T> forHub = beans.select(WebPubSubHub.Literal.of(hub));
        if (forHub.isResolvable()) {
            return Optional.of(forHub.get());
        }
        Instance<T> unqualified = beans.select(Default.Literal.INSTANCE);
        return unqualified.isResolvable() ? Optional.of(unqualified.get()) : Optional.empty();
    }

    @PreDestroy
    void close() {
        runtimes.values().forEach(HubRuntime::close);
        runtimes.clear();
    }
}
