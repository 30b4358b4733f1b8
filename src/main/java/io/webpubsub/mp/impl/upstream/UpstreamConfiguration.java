package io.webpubsub.mp.impl.upstream;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.WebPubSubKeyCredential;
import io.webpubsub.mp.events.ConnectHandler;
import io.webpubsub.mp.events.UserEventHandler;
import io.webpubsub.mp.impl.config.HubConfig;
import io.webpubsub.mp.impl.config.SettingSource;
import io.webpubsub.mp.impl.cdi.HubClientsBean;
import io.webpubsub.mp.impl.config.ConfigurationProblems;
import io.webpubsub.mp.impl.config.Keys;
import io.webpubsub.mp.impl.config.SettingsResolver;

/**
 * The upstream side's run-time view: the endpoint path, the hubs it serves and each hub's settings, read once
 * from MicroProfile Config. Its problems are reported by the one start-up check ({@code impl.cdi.HubConfigCheck})
 * together with every other configuration problem; at start it warns when a hub's signature check is off.
 */
@ApplicationScoped
public class UpstreamConfiguration implements ConfigurationProblems {

    static final String DEFAULT_PATH = Keys.DEFAULT_UPSTREAM_PATH;
    static final System.Logger LOG = System.getLogger("io.webpubsub.mp.upstream");

    private static final String HUB_PREFIX = HubConfig.PREFIX + "hubs.";
    private static final String UPSTREAM_INFIX = ".upstream.";

    @Inject
    UpstreamHubs discovered;

    @Inject
    HubClientsBean clients;

    @Inject
    @Any
    Instance<ConnectHandler> connectHandlers;

    @Inject
    @Any
    Instance<UserEventHandler> userEventHandlers;

    private String path;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, UpstreamHubSettings> hubs = new LinkedHashMap<>();

    @PostConstruct
    void read() {
        Config config = ConfigProvider.getConfig();
        path = readPath(config);
        List<String> names = new ArrayList<>(discovered.names());
        for (String hub : configuredHubs(config.getPropertyNames())) {
            if (names.stream().noneMatch(hub::equalsIgnoreCase)) {
                names.add(hub);
            }
        }
        for (String hub : names) {
            hubs.put(hub.toLowerCase(Locale.ROOT), UpstreamHubSettings.read(new HubConfig(config, hub), keys()));
        }
    }

    /** The hub client's key sources (a rotatable key bean, the embedded default); Entra ID signs no event. */
    private SettingsResolver.Credentials keys() {
        return new SettingsResolver.Credentials() {
            @Override
            public Optional<WebPubSubKeyCredential> key(String hub) {
                return clients.key(hub);
            }

            @Override
            public Optional<String> embedded(SettingSource hub) {
                try {
                    return clients.embedded(hub);
                } catch (IllegalArgumentException | IllegalStateException e) {
                    // an invalid emulator setting is reported by the start-up check with the other problems
                    return Optional.empty();
                }
            }
        };
    }

    @Override
    public List<String> problems(Set<String> reportedHubs) {
        List<String> all = new ArrayList<>(problems);
        for (UpstreamHubSettings hub : hubs.values()) {
            all.addAll(check(hub, reportedHubs.contains(hub.hub.toLowerCase(Locale.ROOT))));
        }
        return all;
    }

    /** Warns about what is allowed but risky, once the start-up check has passed. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (UpstreamHubSettings hub : hubs.values()) {
            warn(hub);
        }
        if (!hubs.isEmpty()) {
            LOG.log(Level.INFO, "Web PubSub upstream events for hubs " + hubNames() + " at <Jakarta REST root>/"
                    + path + "[/hubs/{hub}]");
        }
    }

    private List<String> check(UpstreamHubSettings hub, boolean connectionReported) {
        List<String> found = new ArrayList<>(hub.problems);
        String name = hub.hub;
        if (!connectionReported) {
            found.addAll(0, hub.connectionProblems);
            if (hub.validateSignature && hub.credentials.accessKeys().isEmpty() && found.isEmpty()) {
                found.add("Hub '" + name + "' has no access key to check event signatures with: set '"
                        + hub.key(Keys.CONNECTION_STRING) + "' (or '" + hub.key(Keys.ENDPOINT)
                        + "' and '" + hub.key(Keys.ACCESS_KEY) + "'), or turn the check off with '"
                        + hub.key(Keys.UPSTREAM_VALIDATE_SIGNATURE) + "=false'");
            }
        }
        if (hub.systemEvents.contains("connect") && !connectHandler(name).isResolvable()) {
            found.add("Hub '" + name + "' lists 'connect' in '" + hub.key(Keys.UPSTREAM_SYSTEM_EVENTS)
                    + "' but has no ConnectHandler bean: add a bean annotated @WebPubSubHub(\"" + name
                    + "\") that implements io.webpubsub.mp.events.ConnectHandler");
        }
        if (hub.userEventPattern.isPresent() && !userEventHandler(name).isResolvable()) {
            found.add("Hub '" + name + "' sets '" + hub.key(Keys.UPSTREAM_USER_EVENT_PATTERN)
                    + "' but has no UserEventHandler bean: add a bean annotated @WebPubSubHub(\"" + name
                    + "\") that implements io.webpubsub.mp.events.UserEventHandler");
        }
        return found;
    }

    private static void warn(UpstreamHubSettings hub) {
        String name = hub.hub;
        if (!hub.validateSignature) {
            LOG.log(Level.WARNING, "The signature check of Web PubSub upstream events is OFF for hub '" + name
                    + "' (" + hub.key(Keys.UPSTREAM_VALIDATE_SIGNATURE) + "=false): anyone who can reach the"
                    + " endpoint can send events as the service");
        }
        if (hub.allowedOrigins.isEmpty()) {
            LOG.log(Level.WARNING, "Hub '" + name + "' allows no origin, so the service's validation request"
                    + " (OPTIONS) is refused: set '" + hub.key(Keys.ENDPOINT) + "' or a connection"
                    + " string, or '" + hub.key(Keys.UPSTREAM_ALLOWED_ORIGINS) + "'");
        }
    }

    private String readPath(Config config) {
        try {
            return Keys.upstreamPath(config.getOptionalValue(Keys.UPSTREAM_PATH_KEY, String.class));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return DEFAULT_PATH;
        }
    }

    /** Hub names that have per-hub upstream keys, e.g. {@code azure.webpubsub.hubs.chat.upstream.system-events}. */
    static List<String> configuredHubs(Iterable<String> propertyNames) {
        List<String> found = new ArrayList<>();
        for (String key : propertyNames) {
            if (!key.startsWith(HUB_PREFIX)) {
                continue;
            }
            String rest = key.substring(HUB_PREFIX.length());
            String hub;
            if (rest.startsWith("\"")) {
                int end = rest.indexOf('"', 1);
                hub = end > 1 && rest.startsWith(UPSTREAM_INFIX, end + 1) ? rest.substring(1, end) : null;
            } else {
                int end = rest.lastIndexOf(UPSTREAM_INFIX);
                hub = end > 0 ? rest.substring(0, end) : null;
            }
            if (hub != null && found.stream().noneMatch(hub::equalsIgnoreCase)) {
                found.add(hub);
            }
        }
        return found;
    }

    /** The path under the Jakarta REST root, without slashes at either end. */
    String path() {
        return path;
    }

    /** The settings of a hub, looked up case-insensitively. */
    Optional<UpstreamHubSettings> hub(String name) {
        return Optional.ofNullable(hubs.get(name.toLowerCase(Locale.ROOT)));
    }

    Collection<UpstreamHubSettings> hubs() {
        return hubs.values();
    }

    /** The hub's connect handler; get it through a handle, so that a dependent bean is destroyed after use. */
    Instance<ConnectHandler> connectHandler(String hub) {
        return connectHandlers.select(WebPubSubHub.Literal.of(hub));
    }

    /** The hub's user event handler; get it through a handle, as {@link #connectHandler(String)}. */
    Instance<UserEventHandler> userEventHandler(String hub) {
        return userEventHandlers.select(WebPubSubHub.Literal.of(hub));
    }

    private List<String> hubNames() {
        return hubs.values().stream().map(h -> h.hub).toList();
    }
}
