package io.webpubsub.mp.impl.auth;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicReference;

import io.webpubsub.mp.WebPubSubKeyCredential;

/**
 * Reads the secret of a {@link WebPubSubKeyCredential}, which deliberately has no public getter. The API class
 * knows nothing of the implementation: this side reads its private field, which the library's own module (or the
 * unnamed module on a class path) may do without opening anything.
 */
public final class KeyAccess {

    private static final VarHandle KEY = keyField();

    private KeyAccess() {
    }

    /**
     * The current key of a credential.
     *
     * @param credential the credential
     * @return the key
     */
    @SuppressWarnings("unchecked")
    public static String key(WebPubSubKeyCredential credential) {
        return ((AtomicReference<String>) KEY.get(credential)).get();
    }

    private static VarHandle keyField() {
        try {
            return MethodHandles.privateLookupIn(WebPubSubKeyCredential.class, MethodHandles.lookup())
                    .findVarHandle(WebPubSubKeyCredential.class, "key", AtomicReference.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
