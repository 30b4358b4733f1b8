package io.webpubsub.mp.impl.client;

import java.util.List;
import java.util.Objects;

import io.webpubsub.mp.impl.HubNames;

/** Argument checks run before anything is sent; messages name the parameter. */
final class Checks {

    private Checks() {
    }

    static String group(String group, String parameter) {
        Objects.requireNonNull(group, parameter);
        HubNames.groupProblem(group).ifPresent(problem -> {
            throw new IllegalArgumentException("Invalid '" + parameter + "': " + problem);
        });
        return group;
    }

    static List<String> groups(List<String> groups) {
        Objects.requireNonNull(groups, "groups");
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("The 'groups' must name at least one group");
        }
        groups.forEach(g -> group(g, "groups"));
        return List.copyOf(groups);
    }

    static String id(String value, String parameter) {
        Objects.requireNonNull(value, parameter);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("The '" + parameter + "' is empty");
        }
        return value;
    }

    static <T> T notNull(T value, String parameter) {
        return Objects.requireNonNull(value, parameter);
    }
}
