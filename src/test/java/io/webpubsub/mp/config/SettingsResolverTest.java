package io.webpubsub.mp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.webpubsub.mp.WebPubSubServiceVersion;
import io.webpubsub.mp.impl.HubSettings;
import io.webpubsub.mp.impl.config.SettingsResolver;
import io.webpubsub.mp.spi.WebPubSubAccessToken;
import io.webpubsub.mp.spi.WebPubSubTokenCredential;

class SettingsResolverTest {

    static final String KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";
    static final String CS = "Endpoint=https://global.webpubsub.azure.com;AccessKey=" + KEY + ";Version=1.0;";

    static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500)).build();
    }

    static SettingsResolver.Result resolve(String hub, Map<String, String> properties) {
        return SettingsResolver.resolve(config(properties), hub, SettingsResolver.Credentials.NONE);
    }

    @Test
    void globalConnectionStringWithDefaults() {
        HubSettings s = resolve("chat", Map.of("azure.webpubsub.connection-string", CS)).orThrow();
        assertEquals("https://global.webpubsub.azure.com", s.endpoint());
        assertEquals(WebPubSubServiceVersion.V2024_12_01, s.serviceVersion());
        assertEquals(Duration.ofHours(1), s.tokenLifetime());
        assertEquals(1000, s.tokenCacheSize());
        assertEquals(3, s.retry().getMaxRetries());
        assertEquals(Duration.ofMillis(800), s.retry().getDelay());
        assertEquals(Duration.ofSeconds(60), s.retry().getMaxDelay());
        assertEquals(Duration.ofSeconds(10), s.connectTimeout());
        assertEquals(Duration.ofSeconds(60), s.readTimeout());
        assertNull(s.reverseProxyEndpoint());
        assertNull(s.tokenCredential());
    }

    @Test
    void perHubSettingsOverrideGlobalOnes() {
        Map<String, String> p = new HashMap<>();
        p.put("azure.webpubsub.connection-string", CS);
        p.put("azure.webpubsub.hubs.chat.endpoint", "http://localhost:8080/");
        p.put("azure.webpubsub.hubs.chat.access-key", KEY);
        p.put("azure.webpubsub.retry.max-retries", "5");
        p.put("azure.webpubsub.hubs.chat.retry.max-retries", "0");
        p.put("azure.webpubsub.hubs.chat.retry.delay", "250ms");
        p.put("azure.webpubsub.retry.max-delay", "PT8S");
        p.put("azure.webpubsub.hubs.chat.service-version", "2024-01-01");
        p.put("azure.webpubsub.hubs.chat.token-lifetime", "5m");
        p.put("azure.webpubsub.hubs.chat.reverse-proxy-endpoint", "https://apim.example.com/wps/");
        p.put("azure.webpubsub.connect-timeout", "2s");
        p.put("azure.webpubsub.hubs.chat.read-timeout", "1h");
        HubSettings chat = resolve("chat", p).orThrow();
        assertEquals("http://localhost:8080", chat.endpoint());
        assertEquals(0, chat.retry().getMaxRetries());
        assertEquals(Duration.ofMillis(250), chat.retry().getDelay());
        assertEquals(Duration.ofSeconds(8), chat.retry().getMaxDelay());
        assertEquals(WebPubSubServiceVersion.V2024_01_01, chat.serviceVersion());
        assertEquals(Duration.ofMinutes(5), chat.tokenLifetime());
        assertEquals("https://apim.example.com/wps", chat.reverseProxyEndpoint());
        assertEquals(Duration.ofSeconds(2), chat.connectTimeout());
        assertEquals(Duration.ofHours(1), chat.readTimeout());
        HubSettings other = resolve("other", p).orThrow();
        assertEquals("https://global.webpubsub.azure.com", other.endpoint());
        assertEquals(5, other.retry().getMaxRetries());
    }

    @Test
    void environmentVariablesWork() {
        Config config = new SmallRyeConfigBuilder().withSources(new EnvConfigSource(Map.of(
                "AZURE_WEBPUBSUB_HUBS_CHAT_CONNECTION_STRING", CS,
                "AZURE_WEBPUBSUB_RETRY_MAX_RETRIES", "1"), 300)).build();
        HubSettings s = SettingsResolver.resolve(config, "chat", SettingsResolver.Credentials.NONE).orThrow();
        assertEquals("https://global.webpubsub.azure.com", s.endpoint());
        assertEquals(1, s.retry().getMaxRetries());
    }

    @Test
    void dottedHubNamesWorkPlainAndQuoted() {
        assertEquals("https://global.webpubsub.azure.com", resolve("my.hub",
                Map.of("azure.webpubsub.hubs.my.hub.connection-string", CS)).orThrow().endpoint());
        assertEquals("https://global.webpubsub.azure.com", resolve("my.hub",
                Map.of("azure.webpubsub.hubs.\"my.hub\".connection-string", CS)).orThrow().endpoint());
    }

    @Test
    void endpointWithoutKeyUsesTheCredential() {
        WebPubSubTokenCredential credential = scope -> new WebPubSubAccessToken("t", java.time.Instant.now());
        HubSettings s = SettingsResolver.resolve(config(Map.of("azure.webpubsub.endpoint", "https://x.example")),
                "chat", new SettingsResolver.Credentials() {
                    @Override
                    public Optional<WebPubSubTokenCredential> token(String hub) {
                        return Optional.of(credential);
                    }
                }).orThrow();
        assertEquals(credential, s.tokenCredential());
        assertNull(s.key());
    }

    @Test
    void problemsTable() {
        record Case(Map<String, String> properties, List<String> problems) {
        }
        List<Case> cases = List.of(
                new Case(Map.of(), List.of("Hub 'chat' has no connection settings: set"
                        + " azure.webpubsub.hubs.chat.connection-string"
                        + " (env AZURE_WEBPUBSUB_HUBS_CHAT_CONNECTION_STRING)"
                        + " or azure.webpubsub.connection-string (env AZURE_WEBPUBSUB_CONNECTION_STRING), or"
                        + " azure.webpubsub.hubs.chat.endpoint (env AZURE_WEBPUBSUB_HUBS_CHAT_ENDPOINT) or"
                        + " azure.webpubsub.endpoint (env AZURE_WEBPUBSUB_ENDPOINT) with an access-key or an Entra ID"
                        + " credential")),
                new Case(Map.of("azure.webpubsub.connection-string", CS, "azure.webpubsub.endpoint", "https://x"),
                        List.of("Hub 'chat': both azure.webpubsub.connection-string (env"
                                + " AZURE_WEBPUBSUB_CONNECTION_STRING) and azure.webpubsub.endpoint (env"
                                + " AZURE_WEBPUBSUB_ENDPOINT) are set: set only one")),
                new Case(Map.of("azure.webpubsub.hubs.chat.endpoint", "https://x"),
                        List.of("Hub 'chat': azure.webpubsub.hubs.chat.endpoint"
                                + " (env AZURE_WEBPUBSUB_HUBS_CHAT_ENDPOINT)"
                                + " is set but no credential: set azure.webpubsub.hubs.chat.access-key (env"
                                + " AZURE_WEBPUBSUB_HUBS_CHAT_ACCESS_KEY) or azure.webpubsub.access-key (env"
                                + " AZURE_WEBPUBSUB_ACCESS_KEY), or provide a WebPubSubKeyCredential or"
                                + " WebPubSubTokenCredential bean, or add com.azure:azure-identity for Entra ID")),
                new Case(Map.of("azure.webpubsub.endpoint", "https://x", "azure.webpubsub.access-key", "short"),
                        List.of("Hub 'chat': invalid azure.webpubsub.access-key (env AZURE_WEBPUBSUB_ACCESS_KEY): The"
                                + " access key is too short for HS256: it has 5 bytes, at least 32 are needed")),
                new Case(Map.of("azure.webpubsub.connection-string", "Endpoint=https://x;AccessKey=" + KEY
                        + ";accesskey=" + KEY), List.of("Hub 'chat': invalid azure.webpubsub.connection-string (env"
                                + " AZURE_WEBPUBSUB_CONNECTION_STRING): The connection string has the key 'AccessKey'"
                                + " more than once")),
                new Case(Map.of("azure.webpubsub.connection-string", CS, "azure.webpubsub.service-version",
                        "2020-01-01", "azure.webpubsub.token-lifetime", "0s", "azure.webpubsub.retry.delay", "-1s",
                        "azure.webpubsub.token-cache-size", "-1", "azure.webpubsub.reverse-proxy-endpoint", "nope"),
                        List.of("Hub 'chat': invalid azure.webpubsub.reverse-proxy-endpoint (env"
                                + " AZURE_WEBPUBSUB_REVERSE_PROXY_ENDPOINT): The endpoint must be an absolute http://"
                                + " or https:// URL: nope",
                                "Hub 'chat': invalid azure.webpubsub.service-version (env"
                                + " AZURE_WEBPUBSUB_SERVICE_VERSION): Unsupported service version '2020-01-01': use"
                                + " one of 2021-10-01, 2022-11-01, 2023-07-01, 2024-01-01, 2024-12-01",
                                "Hub 'chat': invalid azure.webpubsub.token-lifetime (env"
                                + " AZURE_WEBPUBSUB_TOKEN_LIFETIME): must be positive, was '0s'",
                                "Hub 'chat': invalid azure.webpubsub.token-cache-size (env"
                                + " AZURE_WEBPUBSUB_TOKEN_CACHE_SIZE): must be a whole number of at least 0, was '-1'",
                                "Hub 'chat': invalid azure.webpubsub.retry.delay (env AZURE_WEBPUBSUB_RETRY_DELAY):"
                                + " must be a duration such as PT0.8S, 800ms, 10s, 5m or 1h, was '-1s'")));
        for (Case c : cases) {
            SettingsResolver.Result result = resolve("chat", c.properties());
            assertEquals(c.problems(), result.problems(), c.properties().toString());
            assertTrue(result.problems().stream().noneMatch(p -> p.contains(KEY)));
        }
    }
}
