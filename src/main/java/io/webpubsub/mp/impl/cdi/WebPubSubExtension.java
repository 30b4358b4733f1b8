package io.webpubsub.mp.impl.cdi;

import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.inject.Singleton;

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
 * points, and the one start-up check ({@link HubConfigCheck}), which fails the start once, listing every invalid
 * hub name and every configuration problem.
 *
 * <p>On Quarkus this runs at build time in another class loader: nothing is shared with the runtime except the
 * bean and observer parameters. The configuration is checked when the application starts, on every runtime alike
 * ({@link HubConfigCheck} says why there).
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
        // error does not hide the problem list of the start-up check
        for (Map.Entry<String, Set<String>> hub : hubs.entrySet()) {
            for (String type : hub.getValue()) {
                register(components, hub.getKey(), type);
            }
        }
        if (!hubs.isEmpty()) {
            LOG.log(Level.INFO, "Azure Web PubSub clients registered for hubs {0}", hubs.keySet());
        }
        registerStartupCheck(components, hubs.keySet());
        HealthRegistration.register(components, hubs.keySet().stream().filter(h -> HubNames.hubProblem(h).isEmpty())
                .toList());
    }

    /** What the start-up check needs from the build; {@link HubClientsBean} runs it when the application starts. */
    private void registerStartupCheck(SyntheticComponents components, Set<String> hubs) {
        List<String> valid = hubs.stream().filter(h -> HubNames.hubProblem(h).isEmpty()).toList();
        String[] nameProblems = hubs.stream().flatMap(h -> HubNames.hubProblem(h).stream()
                .map(problem -> "Invalid @WebPubSubHub" + where(h) + ": " + problem)).toArray(String[]::new);
        components.addBean(HubConfigCheck.class).type(HubConfigCheck.class).scope(Singleton.class)
                .withParam(HubConfigCheck.NAME_PROBLEMS, nameProblems)
                .withParam(HubConfigCheck.HUBS, valid.toArray(String[]::new))
                .withParam(HubConfigCheck.PLACES, valid.stream().map(this::where).toArray(String[]::new))
                .withParam(HubConfigCheck.CREDENTIAL_BEANS, credentialBeans.toArray(String[]::new))
                .createWith(HubConfigCheck.Creator.class);
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

    private String where(String hub) {
        return " (injected at " + String.join(", ", injectionPoints.places(hub)) + ")";
    }
}
