package io.webpubsub.emulator.impl.fault;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The injected faults of one emulator, consulted by the REST API before each operation and by the upstream client
 * before each call to an event handler. The first matching rule with uses left applies; a rule used up is removed.
 */
public final class FaultRules {
    /** Where a rule applies. */
    public enum Target {
        /** REST operations, named by their operation id without the {@code WebPubSub_} prefix, e.g. sendToAll. */
        REST,
        /** Calls to event handlers, named by event: connect, connected, disconnected, or a user event's name. */
        UPSTREAM
    }

    /**
     * One fault. {@code names} are lower-case, {@code "*"} matches all; {@code hub} null matches every hub.
     * {@code status} 0 means none; {@code delay} and {@code retryAfter} may be null; {@code times} negative means
     * until cleared.
     */
    public record Rule(Target target, Set<String> names, String hub, int status, Duration retryAfter, Duration delay,
                       boolean reset, int times) {
        /** A rule; validation is the caller's. */
        public Rule {
            names = Set.copyOf(names);
        }

        boolean matches(Target t, String name, String inHub) {
            return target == t && (names.contains("*") || names.contains(name.toLowerCase(Locale.ROOT)))
                    && (hub == null || hub.equalsIgnoreCase(inHub));
        }
    }

    private record Armed(Rule rule, AtomicInteger left) {
    }

    private final CopyOnWriteArrayList<Armed> rules = new CopyOnWriteArrayList<>();

    /** Adds a rule after the existing ones. */
    public void add(Rule rule) {
        rules.add(new Armed(rule, new AtomicInteger(rule.times())));
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    /** Takes one use of the first matching rule, or returns null when none applies. */
    public Rule take(Target target, String name, String hub) {
        if (rules.isEmpty()) {
            return null;
        }
        for (Armed a : rules) {
            if (a.rule().matches(target, name, hub)) {
                if (a.rule().times() < 0) {
                    return a.rule();
                }
                int left = a.left().getAndDecrement();
                if (left == 1) {
                    rules.remove(a);
                }
                if (left > 0) {
                    return a.rule();
                }
            }
        }
        return null;
    }
}
