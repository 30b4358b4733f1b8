package io.webpubsub.emulator.impl;

import jakarta.json.spi.JsonProvider;

/** The JSON-P provider, looked up once: {@code Json.createXxx} repeats a service-loader lookup on every call. */
public final class Jsons {
    /** The shared provider. */
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() {
    }
}
