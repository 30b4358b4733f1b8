package io.webpubsub.mp.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;

import reactor.core.publisher.Mono;

class AzureCoreCredentialTest {

    @Test
    void asksForTheWebPubSubScopeAndKeepsTheExpiry() {
        OffsetDateTime expiry = OffsetDateTime.of(2030, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        AtomicInteger created = new AtomicInteger();
        List<List<String>> scopes = new java.util.concurrent.CopyOnWriteArrayList<>();
        AzureCoreCredential adapter = new AzureCoreCredential(() -> {
            created.incrementAndGet();
            return (TokenCredential) context -> {
                scopes.add(context.getScopes());
                return Mono.just(new AccessToken("aad-token", expiry));
            };
        });
        assertEquals(0, created.get(), "created lazily");
        WebPubSubAccessToken token = adapter.getToken("https://webpubsub.azure.com/.default");
        adapter.getToken("https://webpubsub.azure.com/.default");
        assertEquals("aad-token", token.token());
        assertEquals(expiry.toInstant(), token.expiresAt());
        assertEquals(1, created.get());
        assertEquals(List.of(List.of("https://webpubsub.azure.com/.default"),
                List.of("https://webpubsub.azure.com/.default")), scopes);
    }

    @Test
    void availableWhenAzureIdentityIsOnTheClassPath() {
        assertTrue(AzureIdentityCredentials.isAvailable());
    }
}
