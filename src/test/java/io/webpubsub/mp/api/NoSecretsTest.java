package io.webpubsub.mp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.webpubsub.mp.WebPubSubClientBuilder;
import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.WebPubSubKeyCredential;
import io.webpubsub.mp.impl.ConnectionString;
import io.webpubsub.mp.impl.cdi.HubClientsBean;
import io.webpubsub.mp.impl.emulator.EmbeddedEmulatorBean;
import io.webpubsub.mp.models.ClientAccess;
import io.webpubsub.mp.models.ClientAccessOptions;
import io.webpubsub.mp.models.Message;
import io.webpubsub.mp.spi.WebPubSubAccessToken;
import io.webpubsub.mp.testing.FakeService;
import io.webpubsub.mp.testing.StartupFailures;
import io.webpubsub.mp.testing.FakeService.Answer;

/**
 * Runs failing and succeeding calls with every log level enabled and checks that neither the access key nor any
 * token appears in a log record, an exception text (causes included) or a toString().
 */
class NoSecretsTest {

    static final String KEY = "SECRETKEY-0123456789-abcdefghij-ABCDEFGHIJ=";

    @Dependent
    public static class Chat {
        @Inject
        @WebPubSubHub("chat")
        WebPubSubHubClient chat;
    }

    @Dependent
    public static class Broken {
        @Inject
        @WebPubSubHub("broken")
        WebPubSubHubClient broken;
    }

    @Test
    void keysAndTokensNeverShow() throws Exception {
        List<String> texts = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            final SimpleFormatter formatter = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                if (!record.getLoggerName().startsWith("org.apache.http")) {
                    texts.add(formatter.format(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
        List<String> secrets = new ArrayList<>(List.of(KEY));
        try (FakeService service = new FakeService()) {
            var config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                    "azure.webpubsub.hubs.chat.connection-string",
                    "Endpoint=" + service.endpoint() + ";AccessKey=" + KEY,
                    "azure.webpubsub.hubs.chat.retry.delay", "1ms",
                    "azure.webpubsub.hubs.broken.connection-string", "Endpoint=" + service.endpoint() + ";AccessKey="
                            + KEY + ";accesskey=" + KEY), "test", 500)).build();
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            ConfigProviderResolver.instance().registerConfig(config, loader);
            try {
                try (WeldContainer weld = new Weld().disableDiscovery()
                        .addBeanClasses(HubClientsBean.class, EmbeddedEmulatorBean.class, Chat.class)
                        .initialize()) {
                    WebPubSubHubClient chat = weld.select(Chat.class).get().chat;
                    chat.sendToAll(Message.text("ok"));
                    service.then(Answer.json(401, "{\"code\":\"Unauthorized\",\"message\":\"bad token\"}"));
                    texts.add(text(assertThrows(RuntimeException.class,
                        () -> chat.sendToGroup("g", Message.text("x")))));
                    service.then(Answer.connectionReset());
                    texts.add(text(assertThrows(RuntimeException.class,
                        () -> chat.sendToUser("u", Message.text("x")))));
                    service.then(Answer.status(503), Answer.status(500), Answer.status(502), Answer.status(504));
                    texts.add(text(assertThrows(RuntimeException.class, () -> chat.addUserToGroup("g", "u"))));
                    ClientAccess access = chat.getClientAccess(new ClientAccessOptions().setUserId("u"));
                    secrets.add(access.token());
                    texts.add(access.toString());
                    texts.add(chat.toString());
                }
                texts.add(text(StartupFailures.failure(() -> new Weld().disableDiscovery()
                        .addBeanClasses(HubClientsBean.class, EmbeddedEmulatorBean.class, Broken.class)
                        .initialize().close())));
            } finally {
                ConfigProviderResolver.instance().releaseConfig(config);
            }
            texts.add(text(assertThrows(IllegalArgumentException.class, () -> new WebPubSubClientBuilder()
                    .connectionString("Endpoint=https://x;AccessKey=" + KEY + ";AccessKey=" + KEY))));
            texts.add(text(assertThrows(IllegalArgumentException.class,
                () -> ConnectionString.parse("AccessKey=" + KEY))));
            texts.add(ConnectionString.parse("Endpoint=https://x;AccessKey=" + KEY).toString());
            texts.add(new WebPubSubKeyCredential(KEY).toString());
            texts.add(new WebPubSubAccessToken("entra-secret-token", java.time.Instant.EPOCH).toString());
            secrets.add("entra-secret-token");
            for (FakeService.Recorded r : service.requests()) {
                String auth = r.header("Authorization");
                if (auth != null) {
                    String token = auth.substring("Bearer ".length());
                    secrets.add(token);
                    secrets.add(token.substring(token.lastIndexOf('.') + 1));
                }
            }
            texts.add(service.requests().size() + " requests");
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
        assertTrue(secrets.size() > 6, "tokens were captured: " + secrets.size());
        assertTrue(texts.stream().anyMatch(t -> t.contains("-> 401")), "DEBUG request lines were logged");
        assertTrue(texts.stream().anyMatch(t -> t.contains("Retry 1 of PUT")), "retries were logged");
        for (String text : texts) {
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "secret found in: " + text);
            }
        }
        assertEquals(Duration.ZERO, Duration.ZERO);
    }

    static String text(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        for (Throwable s : t.getSuppressed()) {
            out.append(s.getMessage());
        }
        return out.toString();
    }
}
