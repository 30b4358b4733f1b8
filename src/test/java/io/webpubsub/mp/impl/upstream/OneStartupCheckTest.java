package io.webpubsub.mp.impl.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.testing.StartupFailures;

/**
 * Problems in every area of the configuration (the emulator, an injected hub's client, readiness check and
 * telemetry, the upstream side) fail one start, listed together in one message.
 */
class OneStartupCheckTest {

    @Dependent
    public static class News {
        @Inject
        @WebPubSubHub("news")
        WebPubSubHubClient news;
    }

    @Test
    void everyAreaIsReportedInOneFailure() {
        String key = "0123456789abcdefghijklmnopqrstuvwxyzABCD";
        Map<String, String> properties = Map.of(
                "azure.webpubsub.connection-string", "Endpoint=https://demo.webpubsub.azure.com;AccessKey=" + key,
                "azure.webpubsub.emulator.enabled", "maybe",
                "azure.webpubsub.hubs.news.retry.delay", "soon",
                "azure.webpubsub.hubs.news.health.enabled", "perhaps",
                "azure.webpubsub.hubs.news.telemetry.enabled", "often",
                "azure.webpubsub.hubs.chat.upstream.validate-signature", "yes");
        String at = " (injected at " + News.class.getName() + ".news)";
        List<String> problems = StartupFailures.problems(StartupFailures.failure(
                () -> UpstreamDeploymentTest.boot(properties, ChatObservers.class, Calls.class, News.class).close()));
        assertEquals(List.of(
                "Invalid azure.webpubsub.emulator.enabled (env AZURE_WEBPUBSUB_EMULATOR_ENABLED): must be true or"
                        + " false, was 'maybe'",
                "Hub 'news': invalid azure.webpubsub.hubs.news.retry.delay (env AZURE_WEBPUBSUB_HUBS_NEWS_RETRY_DELAY):"
                        + " must be a duration such as PT0.8S, 800ms, 10s, 5m or 1h, was 'soon'" + at,
                "Hub 'news': invalid azure.webpubsub.hubs.news.health.enabled (env"
                        + " AZURE_WEBPUBSUB_HUBS_NEWS_HEALTH_ENABLED): must be true or false, was 'perhaps'" + at,
                "Hub 'news': invalid azure.webpubsub.hubs.news.telemetry.enabled (env"
                        + " AZURE_WEBPUBSUB_HUBS_NEWS_TELEMETRY_ENABLED): must be true or false, was 'often'" + at,
                "Hub 'chat': invalid azure.webpubsub.hubs.chat.upstream.validate-signature (env"
                        + " AZURE_WEBPUBSUB_HUBS_CHAT_UPSTREAM_VALIDATE_SIGNATURE): must be true or false, was 'yes'"),
                problems);
    }
}
