package io.webpubsub.emulator.impl.ws;

import java.util.function.Predicate;

/** Compiles wildcard group-role patterns (spec 4.2). */
final class PatternSupport {
    private PatternSupport() {
    }

    static Predicate<String> compile(String pattern) {
        // TODO(merge emu-pure): GroupPattern.compile(pattern)::matches
        throw new IllegalArgumentException("wildcard group roles are not available yet: '" + pattern + "'");
    }
}
