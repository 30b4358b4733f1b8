package io.webpubsub.mp.models;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/**
 * Serialises message objects with JSON-B. Kept apart from the model classes so that applications without JSON-B
 * (e.g. Quarkus with Jackson) can use every other part of the library: only this class links to JSON-B.
 */
final class JsonbSupport {

    private static volatile Jsonb jsonb;

    private JsonbSupport() {
    }

    /**
     * @param value the object
     * @return its JSON text
     * @throws IllegalArgumentException if JSON-B cannot serialise it
     * @throws IllegalStateException if no JSON-B implementation is available
     */
    static String toJson(Object value) {
        try {
            return jsonb().toJson(value);
        } catch (JsonbException e) {
            throw new IllegalArgumentException("JSON-B cannot serialise the message 'value' of type "
                    + value.getClass().getName() + ": " + e.getMessage(), e);
        }
    }

    private static Jsonb jsonb() {
        Jsonb current = jsonb;
        if (current == null) {
            try {
                current = JsonbBuilder.create();
            } catch (RuntimeException | LinkageError e) {
                throw new IllegalStateException("Message.json needs a JSON-B implementation (e.g. Yasson) on the"
                        + " class path; send JSON text with Message.rawJson instead", e);
            }
            jsonb = current;
        }
        return current;
    }
}
