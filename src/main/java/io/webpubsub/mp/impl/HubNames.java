package io.webpubsub.mp.impl;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The service's naming rules for hubs and groups, checked before anything is sent.
 */
public final class HubNames {

    private static final Pattern HUB = Pattern.compile("[A-Za-z][A-Za-z0-9_`,.\\[\\]]{0,127}");
    private static final int MAX_GROUP_LENGTH = 1024;

    private HubNames() {
    }

    /**
     * Explains why a hub name is invalid.
     *
     * @param hub the hub name, may be null
     * @return the reason, or empty if the name is valid
     */
    public static Optional<String> hubProblem(String hub) {
        if (hub == null || hub.isEmpty()) {
            return Optional.of("the hub name is empty");
        }
        if (!HUB.matcher(hub).matches()) {
            return Optional.of("the hub name '" + hub + "' must start with a letter, contain only letters, digits"
                    + " and _ ` , . [ ] and be at most 128 characters long");
        }
        return Optional.empty();
    }

    /**
     * Explains why a group name is invalid.
     *
     * @param group the group name, may be null
     * @return the reason, or empty if the name is valid
     */
    public static Optional<String> groupProblem(String group) {
        if (group == null || group.isEmpty()) {
            return Optional.of("the group name is empty");
        }
        if (group.isBlank()) {
            return Optional.of("the group name must not be whitespace only");
        }
        if (group.length() > MAX_GROUP_LENGTH) {
            return Optional.of("the group name is longer than " + MAX_GROUP_LENGTH + " characters");
        }
        return Optional.empty();
    }
}
