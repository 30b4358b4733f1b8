package io.webpubsub.mp.impl;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

import io.webpubsub.mp.WebPubSubHubAsyncClient;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.WebPubSubKeyCredential;
import io.webpubsub.mp.impl.config.Keys;
import io.webpubsub.mp.impl.config.SettingSource;
import io.webpubsub.mp.impl.config.SettingsResolver;
import io.webpubsub.mp.impl.upstream.UpstreamPathFilter;
import io.webpubsub.mp.impl.upstream.UpstreamResource;
import io.webpubsub.mp.models.RetryOptions;
import io.webpubsub.mp.rest.WebPubSubRestApi;
import io.webpubsub.mp.spi.WebPubSubProvider;
import io.webpubsub.mp.spi.WebPubSubTokenCredential;

/**
 * The library's {@link WebPubSubProvider}: checks the builder's arguments and builds its clients with the same rule
 * set as the configuration ({@link SettingsResolver}), the builder's methods standing in for the keys.
 */
public final class LibraryProvider extends WebPubSubProvider {

    static final String CONNECTION_STRING = "connectionString(String)";
    static final String ENDPOINT = "endpoint(String)";
    static final String KEY = "credential(WebPubSubKeyCredential)";
    static final String TOKEN = "credential(WebPubSubTokenCredential)";
    static final String HUB = "hub(String)";
    static final String REVERSE_PROXY_ENDPOINT = "reverseProxyEndpoint(String)";
    static final String SERVICE_VERSION = "serviceVersion(WebPubSubServiceVersion)";
    static final String RETRY_OPTIONS = "retryOptions(RetryOptions)";
    static final String EXECUTOR = "executor(Executor)";

    /** The builder method of each setting in {@link Keys} it has; retry settings come from {@link #RETRY_OPTIONS}. */
    static final Map<String, String> SETTERS = Map.of(
            Keys.CONNECTION_STRING, CONNECTION_STRING,
            Keys.ENDPOINT, ENDPOINT,
            Keys.REVERSE_PROXY_ENDPOINT, REVERSE_PROXY_ENDPOINT,
            Keys.SERVICE_VERSION, SERVICE_VERSION,
            Keys.TOKEN_LIFETIME, "tokenLifetime(Duration)",
            Keys.CONNECT_TIMEOUT, "connectTimeout(Duration)",
            Keys.READ_TIMEOUT, "readTimeout(Duration)",
            Keys.CONNECTION_IDLE_TIMEOUT, "connectionIdleTimeout(Duration)");

    /** Used by {@link java.util.ServiceLoader}. */
    public LibraryProvider() {
    }

    @Override
    public Object check(String setter, Object value) {
        String name = setter.substring(0, setter.indexOf('('));
        if (value == null && !setter.equals(CONNECTION_STRING)) {
            if (setter.equals(REVERSE_PROXY_ENDPOINT) || setter.equals(EXECUTOR)) {
                return null;
            }
            throw new NullPointerException(name);
        }
        return checkPresent(setter, name, value);
    }

    private static Object checkPresent(String setter, String name, Object value) {
        if (setter.equals(CONNECTION_STRING)) {
            ConnectionString.parse((String) value);
        } else if (setter.equals(ENDPOINT) || setter.equals(REVERSE_PROXY_ENDPOINT)) {
            return ConnectionString.normaliseEndpoint((String) value, null);
        } else if (setter.equals(HUB)) {
            HubNames.hubProblem((String) value).ifPresent(problem -> {
                throw invalid(name, problem);
            });
        } else if (value instanceof Duration duration) {
            try {
                SettingsResolver.positive(duration, duration);
            } catch (IllegalArgumentException e) {
                throw invalid(name, e.getMessage());
            }
        }
        return value;
    }

    private static IllegalArgumentException invalid(String name, String problem) {
        return new IllegalArgumentException("Invalid '" + name + "': " + problem);
    }

    @Override
    public <T> T build(Class<T> type, Map<String, Object> settings) {
        boolean rest = type == WebPubSubRestApi.class;
        List<String> problems = new ArrayList<>();
        if (!rest && !settings.containsKey(HUB)) {
            problems.add(BuilderSource.SUBJECT + " has no hub: call " + HUB);
        }
        if (settings.containsKey(KEY) && settings.containsKey(TOKEN)) {
            problems.add(BuilderSource.SUBJECT + ": both " + KEY + " and " + TOKEN + " are set: set only one");
        }
        BuilderSource source = new BuilderSource(settings);
        SettingsResolver.Result result = SettingsResolver.resolve(source, source);
        problems.addAll(result.problems());
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
        HubSettings hub = result.settings().withExecutor((Executor) settings.get(EXECUTOR));
        if (rest) {
            return type.cast(HubRuntime.restApi(hub, Clock.systemUTC()));
        }
        HubRuntime runtime = HubRuntime.create(hub);
        return type.cast(type == WebPubSubHubClient.class ? runtime.client() : runtime.asyncClient());
    }

    @Override
    public Set<Class<?>> eventEndpointClasses() {
        return Set.of(UpstreamResource.class, UpstreamPathFilter.class);
    }

    /** The builder's settings as the rule set reads them; its credentials are explicit. */
    private record BuilderSource(Map<String, Object> settings) implements SettingSource, SettingsResolver.Credentials {

        static final String SUBJECT = "WebPubSubClientBuilder";

        @Override
        public String hub() {
            return (String) settings.getOrDefault(HUB, "-");
        }

        @Override
        public Optional<?> value(String key) {
            RetryOptions retry = (RetryOptions) settings.get(RETRY_OPTIONS);
            if (key.equals(Keys.RETRY_MAX_RETRIES)) {
                return Optional.ofNullable(retry).map(RetryOptions::getMaxRetries);
            } else if (key.equals(Keys.RETRY_DELAY)) {
                return Optional.ofNullable(retry).map(RetryOptions::getDelay);
            } else if (key.equals(Keys.RETRY_MAX_DELAY)) {
                return Optional.ofNullable(retry).map(RetryOptions::getMaxDelay);
            }
            return Optional.ofNullable(SETTERS.get(key)).map(settings::get);
        }

        @Override
        public String name(String key) {
            return SETTERS.getOrDefault(key, key);
        }

        @Override
        public int level(String key) {
            return 0;
        }

        @Override
        public String subject() {
            return SUBJECT;
        }

        @Override
        public String missingHint() {
            return "call " + CONNECTION_STRING + ", or " + ENDPOINT + " with a credential";
        }

        @Override
        public String credentialHint() {
            return "call " + KEY + " or " + TOKEN;
        }

        @Override
        public Optional<WebPubSubKeyCredential> key(String hub) {
            return Optional.ofNullable((WebPubSubKeyCredential) settings.get(KEY));
        }

        @Override
        public Optional<WebPubSubTokenCredential> token(String hub) {
            return Optional.ofNullable((WebPubSubTokenCredential) settings.get(TOKEN));
        }

        @Override
        public boolean explicit() {
            return true;
        }
    }
}
