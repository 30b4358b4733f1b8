package io.webpubsub.emulator.impl;

import java.util.regex.Pattern;

/**
 * The service's naming rules for hubs, groups and users. Each check returns an error message naming the parameter,
 * or null when valid.
 */
public final class Names {
    private static final Pattern HUB = Pattern.compile("^[A-Za-z][A-Za-z0-9_`,.\\[\\]]{0,127}$");
    private static final Pattern EVENT = Pattern.compile("^[a-z][a-z0-9_.\\-]{0,127}$", Pattern.CASE_INSENSITIVE);
    /** Maximum group name length. */
    public static final int MAX_GROUP = 1024;

    private Names() {
    }

    /** Hub name check. */
    public static String hubError(String hub) {
        return hub != null && HUB.matcher(hub).matches() ? null
                : "Invalid hub name '" + hub + "': it must start with a letter and contain at most 128 letters, digits"
                        + " or _`,.[] characters.";
    }

    /**
     * Group name check: 1..1024 characters, not only whitespace, no NUL. NUL is refused everywhere because no HTTP
     * server accepts it in a URL path, so such a group could be joined but never addressed over REST.
     */
    public static String groupError(String group) {
        if (group == null || group.isEmpty() || group.isBlank() || group.length() > MAX_GROUP) {
            return "Invalid group name '" + (group == null ? "" : group)
                    + "': it must have 1 to 1024 characters and not only whitespace.";
        }
        if (group.indexOf('\0') >= 0) {
            return "Invalid group name: it must not contain NUL (U+0000).";
        }
        return null;
    }

    /** Client event name check. */
    public static String eventError(String event) {
        return event != null && EVENT.matcher(event).matches() ? null
                : "Invalid event name '" + event
                        + "': it must start with a letter and contain at most 128 letters, digits or _.- characters.";
    }
}
