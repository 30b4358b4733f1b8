package io.webpubsub.mp.rest;

import java.util.Objects;

/**
 * Keeps a {@code /} inside one path segment of {@link WebPubSubRestApi}.
 *
 * <p>MicroProfile REST Client implementations percent-encode path parameters but leave {@code /} as it is, so a
 * group named {@code a/b} would address the wrong path. {@link #slashSafe(String)} replaces each {@code /} with
 * the private-use character U+E000, which the request filter of the instances built by the library turns into
 * {@code %2F} in the path before the request is signed and sent.
 *
 * @since 0.1.0
 */
public final class PathSegments {

    /** The stand-in for {@code /}: U+E000, a private-use character, not allowed in path values. */
    public static final char SLASH = '\uE000';

    private PathSegments() {
    }

    /**
     * Prepares a path value that may contain {@code /}.
     *
     * @param value the hub, group, user id or connection id
     * @return the value with each {@code /} replaced by {@link #SLASH}
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} contains U+E000
     */
    public static String slashSafe(String value) {
        Objects.requireNonNull(value, "value");
        if (value.indexOf(SLASH) >= 0) {
            throw new IllegalArgumentException("A path value must not contain the character U+E000");
        }
        return value.replace('/', SLASH);
    }
}
