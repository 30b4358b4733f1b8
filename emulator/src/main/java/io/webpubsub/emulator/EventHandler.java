package io.webpubsub.emulator;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An upstream event handler of a hub: where the emulator posts CloudEvents and which events it posts there.
 * Immutable; {@link #userEvents} and {@link #systemEvents} return changed copies.
 *
 * <pre>{@code
 * EventHandler.url("http://127.0.0.1:8080/webpubsub/{event}")
 *         .userEvents("*")
 *         .systemEvents("connect", "connected", "disconnected");
 * }</pre>
 *
 * <p>By default a handler receives no events, as on the service: name the user events and system events it wants.
 */
public final class EventHandler {
    /** System events a handler may subscribe to; {@code joined}/{@code left} are the group presence events. */
    public static final Set<String> SYSTEM_EVENTS = Set.of("connect", "connected", "disconnected", "joined", "left");

    private final String urlTemplate;
    private final List<String> userEvents;
    private final Set<String> systemEvents;

    private EventHandler(String urlTemplate, List<String> userEvents, Set<String> systemEvents) {
        this.urlTemplate = urlTemplate;
        this.userEvents = userEvents;
        this.systemEvents = systemEvents;
    }

    /**
     * A handler at an absolute {@code http}/{@code https} URL template; {@code {hub}} and {@code {event}} are replaced
     * (URL-escaped) per event and may not appear in the host.
     *
     * @throws IllegalArgumentException when the template is not such a URL
     */
    public static EventHandler url(String urlTemplate) {
        Objects.requireNonNull(urlTemplate, "urlTemplate");
        URI uri;
        try {
            uri = URI.create(urlTemplate.replace("{hub}", "hub").replace("{event}", "event"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Event handler urlTemplate is not a valid URL: " + urlTemplate);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("Event handler urlTemplate must be an absolute http or https URL: "
                    + urlTemplate);
        }
        String authority = urlTemplate.substring(urlTemplate.indexOf("//") + 2).split("[/?#]", 2)[0];
        if (authority.contains("{")) {
            throw new IllegalArgumentException("Event handler urlTemplate may not use placeholders in the host: "
                    + urlTemplate);
        }
        return new EventHandler(urlTemplate, List.of(), Set.of());
    }

    /**
     * The user events to post here: {@code "*"} for all, or event names (case-insensitive). Replaces earlier names.
     * Each argument may itself be a comma-separated list, as in the service's {@code userEventPattern}.
     */
    public EventHandler userEvents(String... names) {
        List<String> list = new ArrayList<>();
        for (String n : names) {
            for (String part : n.split(",")) {
                if (!part.isBlank()) {
                    list.add(part.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return new EventHandler(urlTemplate, List.copyOf(list), systemEvents);
    }

    /**
     * The system events to post here, from {@link #SYSTEM_EVENTS}. Replaces earlier names.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public EventHandler systemEvents(String... names) {
        Set<String> set = new LinkedHashSet<>();
        for (String n : names) {
            for (String part : n.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                String name = part.trim().toLowerCase(Locale.ROOT);
                if (!SYSTEM_EVENTS.contains(name)) {
                    throw new IllegalArgumentException("Unknown system event '" + part.trim() + "'; expected one of "
                            + Arrays.toString(SYSTEM_EVENTS.stream().sorted().toArray()));
                }
                set.add(name);
            }
        }
        return new EventHandler(urlTemplate, userEvents, java.util.Collections.unmodifiableSet(set));
    }

    /** The URL template. */
    public String urlTemplate() {
        return urlTemplate;
    }

    /** The user-event pattern as on the service: {@code *}, a name or a comma-separated list; empty for none. */
    public String userEventPattern() {
        return String.join(",", userEvents);
    }

    /** The subscribed system events. */
    public Set<String> systemEvents() {
        return systemEvents;
    }

    /** Whether this handler takes the user event {@code name} (case-insensitive). */
    public boolean handlesUserEvent(String name) {
        return userEvents.contains("*") || userEvents.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Whether this handler takes the system event {@code name}. */
    public boolean handlesSystemEvent(String name) {
        return systemEvents.contains(name);
    }

    @Override
    public String toString() {
        return "EventHandler[" + urlTemplate + ", userEvents=" + userEventPattern() + ", systemEvents=" + systemEvents
                + "]";
    }
}
