package io.webpubsub.bench.client;

/** Placeholder until the library's hub clients land on the lib branch. */
final class OursClient {
    private OursClient() {
    }

    static SendClient create(boolean async, String connectionString, String hub) {
        throw new UnsupportedOperationException("our client is not merged into the bench branch yet");
    }
}
