package io.webpubsub.mp.impl.auth;

import java.util.function.Function;

import io.webpubsub.mp.WebPubSubKeyCredential;

/**
 * Reads the secret of a {@link WebPubSubKeyCredential}, which deliberately has no public getter. The credential
 * class installs the accessor in its static initialiser; any instance passed here has run it.
 */
public final class KeyAccess {

    private static volatile Function<WebPubSubKeyCredential, String> accessor;

    private KeyAccess() {
    }

    /**
     * Called once by {@link WebPubSubKeyCredential}.
     *
     * @param reader the accessor
     */
    public static void install(Function<WebPubSubKeyCredential, String> reader) {
        if (accessor == null) {
            accessor = reader;
        }
    }

    /**
     * The current key of a credential.
     *
     * @param credential the credential
     * @return the key
     */
    public static String key(WebPubSubKeyCredential credential) {
        return accessor.apply(credential);
    }
}
