package io.webpubsub.mp.impl.cdi;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.build.compatible.spi.Validation;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.interceptor.Interceptor;

import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.WebPubSubHubAsyncClient;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.WebPubSubKeyCredential;
import io.webpubsub.mp.impl.HubNames;
import io.webpubsub.mp.impl.health.HealthRegistration;
import io.webpubsub.mp.rest.WebPubSubRestApi;
import io.webpubsub.mp.spi.WebPubSubTokenCredential;

/**
 * Registers one {@code @ApplicationScoped @WebPubSubHub("<hub>")} bean per hub and client type found at injection
 * points, and fails the deployment once, listing every invalid hub name and every hub without a working
 * configuration.
 *
 * <p>On Quarkus this runs at build time in another class loader: nothing is shared with the runtime except the
 * bean and observer parameters, and the configuration check runs when the application starts
 * ({@link HubConfigCheck}), because build-time configuration is not the run-time one.
 */
public class WebPubSubExtension implements BuildCompatibleExtension {

    private static final System.Logger LOG = System.getLogger("io.webpubsub.mp");

    private static final Set<String> CREDENTIAL_TYPES = Set.of(WebPubSubTokenCredential.class.getName(),
            WebPubSubKeyCredential.class.getName());

    private final HubInjectionPoints injectionPoints = new HubInjectionPoints();
    /** Hubs with a credential bean; "" for an unqualified one. */
    private final Set<String> credentialBeans = new HashSet<>();

    @Registration(types = Object.class)
    public void collect(BeanInfo bean) {
        injectionPoints.collect(bean);
        if (bean.types().stream().anyMatch(t -> t.isClass() && CREDENTIAL_TYPES.contains(
                t.asClass().declaration().name()))) {
            Optional<AnnotationInfo> hub = bean.qualifiers().stream()
                    .filter(q -> q.name().equals(WebPubSubHub.class.getName())).findFirst();
            credentialBeans.add(hub.map(q -> q.value().asString()).orElse(""));
        }
    }

    @Synthesis
    public void register(SyntheticComponents components) {
        Map<String, Set<String>> hubs = injectionPoints.types();
        // beans are registered for invalid hub names too, so that the container's own unsatisfied-dependency
        // error does not hide the problem list of validate()
        for (Map.Entry<String, Set<String>> hub : hubs.entrySet()) {
            for (String type : hub.getValue()) {
                register(components, hub.getKey(), type);
            }
        }
        if (!hubs.isEmpty()) {
            LOG.log(Level.INFO, "Azure Web PubSub clients registered for hubs {0}", hubs.keySet());
        }
        if (QuarkusBuild.isRunning() && !hubs.isEmpty()) {
            registerStartupCheck(components, hubs.keySet());
        }
        HealthRegistration.register(components, hubs.keySet().stream().filter(h -> HubNames.hubProblem(h).isEmpty())
                .toList());
    }

    /** Quarkus: the run-time configuration is checked when the application starts, before other observers. */
    private void registerStartupCheck(SyntheticComponents components, Set<String> hubs) {
        List<String> valid = hubs.stream().filter(h -> HubNames.hubProblem(h).isEmpty()).toList();
        components.addObserver(Object.class).qualifier(Initialized.Literal.APPLICATION)
                .priority(Interceptor.Priority.LIBRARY_BEFORE)
                .withParam(HubConfigCheck.HUBS, valid.toArray(String[]::new))
                .withParam(HubConfigCheck.PLACES, valid.stream().map(this::where).toArray(String[]::new))
                .withParam(HubConfigCheck.CREDENTIAL_BEANS, credentialBeans.toArray(String[]::new))
                .observeWith(HubConfigCheck.class);
    }

    private static void register(SyntheticComponents components, String hub, String type) {
        WebPubSubHub qualifier = WebPubSubHub.Literal.of(hub);
        if (type.equals(WebPubSubHubClient.class.getName())) {
            components.addBean(WebPubSubHubClient.class).type(WebPubSubHubClient.class).qualifier(qualifier)
                    .scope(ApplicationScoped.class).withParam(HubClientCreators.HUB, hub)
                    .createWith(HubClientCreators.Sync.class);
        } else if (type.equals(WebPubSubHubAsyncClient.class.getName())) {
            components.addBean(WebPubSubHubAsyncClient.class).type(WebPubSubHubAsyncClient.class)
                    .qualifier(qualifier).scope(ApplicationScoped.class).withParam(HubClientCreators.HUB, hub)
                    .createWith(HubClientCreators.Async.class);
        } else {
            components.addBean(WebPubSubRestApi.class).type(WebPubSubRestApi.class).qualifier(qualifier)
                    .scope(ApplicationScoped.class).withParam(HubClientCreators.HUB, hub)
                    .createWith(HubClientCreators.Rest.class);
        }
    }

    @Validation
    public void validate(Messages messages) {
        List<String> problems = new ArrayList<>();
        Map<String, String> named = new TreeMap<>();
        for (String hub : injectionPoints.types().keySet()) {
            Optional<String> nameProblem = HubNames.hubProblem(hub);
            if (nameProblem.isPresent()) {
                problems.add("Invalid @WebPubSubHub" + where(hub) + ": " + nameProblem.get());
            } else {
                named.put(hub, where(hub));
            }
        }
        if (!QuarkusBuild.isRunning()) {
            problems.addAll(HubConfigCheck.problems(named, credentialBeans));
        }
        problems.forEach(messages::error);
    }

    private String where(String hub) {
        return " (injected at " + String.join(", ", injectionPoints.places(hub)) + ")";
    }
}
