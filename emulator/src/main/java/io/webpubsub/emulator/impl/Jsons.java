package io.webpubsub.emulator.impl;

import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** The JSON-P provider, looked up once: {@code Json.createXxx} repeats a service-loader lookup on every call. */
public final class Jsons {
    /** The shared provider. */
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() {
    }

    /**
     * Whether a body is one complete JSON value (object, array or scalar), read as UTF-8.
     *
     * @param body the raw bytes
     * @return true when JSON-P parses it
     */
    public static boolean isJson(byte[] body) {
        try (var reader = PROVIDER.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            reader.readValue();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
