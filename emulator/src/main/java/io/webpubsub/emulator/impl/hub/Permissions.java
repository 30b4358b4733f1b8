package io.webpubsub.emulator.impl.hub;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What one connection may do with groups: from its roles (exact, per-group and wildcard) plus REST grants
 * and revocations. Revoking a group wins over a broader role; granting clears a revocation.
 */
public final class Permissions {
    /** The two group permissions. */
    public enum Kind {
        /** Publish to a group. */
        SEND_TO_GROUP("sendToGroup", "webpubsub.sendToGroup", "webpubsub.sendToGroups."),
        /** Join and leave a group. */
        JOIN_LEAVE_GROUP("joinLeaveGroup", "webpubsub.joinLeaveGroup", "webpubsub.joinLeaveGroups.");

        private final String restName;
        private final String role;
        private final String patternRolePrefix;

        Kind(String restName, String role, String patternRolePrefix) {
            this.restName = restName;
            this.role = role;
            this.patternRolePrefix = patternRolePrefix;
        }

        /**
         * Parses the REST {@code permission} path value: the name in any letter case, or {@code 1}/{@code 2}.
         * Null when unknown.
         */
        public static Kind ofRestName(String value) {
            if ("1".equals(value)) {
                return SEND_TO_GROUP;
            }
            if ("2".equals(value)) {
                return JOIN_LEAVE_GROUP;
            }
            for (Kind k : values()) {
                if (k.restName.equalsIgnoreCase(value)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** Literal REST grants allowed per connection. */
    public static final int MAX_GRANTS = 1000;
    /** Wildcard roles allowed per connection. */
    public static final int MAX_PATTERN_ROLES = 10;

    private final Rules[] rules = {new Rules(), new Rules()};

    private static final class Rules {
        boolean all;
        final Set<String> exact = new HashSet<>();
        final List<Predicate<String>> patterns = new ArrayList<>();
        final Set<String> granted = new HashSet<>();
        final Set<String> revoked = new HashSet<>();
    }

    /**
     * Builds the permissions of a set of roles. Unknown roles are ignored.
     *
     * @throws IllegalArgumentException for an invalid wildcard pattern or more than {@value #MAX_PATTERN_ROLES}
     */
    public static Permissions fromRoles(List<String> roles, PatternCompiler compiler) {
        Permissions p = new Permissions();
        int patterns = 0;
        for (String role : roles) {
            for (Kind k : Kind.values()) {
                Rules r = p.rules[k.ordinal()];
                if (role.equals(k.role)) {
                    r.all = true;
                } else if (role.startsWith(k.role + ".") && !role.startsWith(k.patternRolePrefix)) {
                    r.exact.add(role.substring(k.role.length() + 1));
                } else if (role.startsWith(k.patternRolePrefix)) {
                    if (++patterns > MAX_PATTERN_ROLES) {
                        throw new IllegalArgumentException("At most " + MAX_PATTERN_ROLES
                                + " wildcard group roles are allowed");
                    }
                    r.patterns.add(compiler.compile(role.substring(k.patternRolePrefix.length())));
                }
            }
        }
        return p;
    }

    /** Compiles a wildcard group pattern into a matcher. */
    @FunctionalInterface
    public interface PatternCompiler {
        /** @throws IllegalArgumentException when the pattern is invalid */
        Predicate<String> compile(String pattern);
    }

    /** Whether the connection holds the permission for {@code group}. */
    public synchronized boolean allows(Kind kind, String group) {
        Rules r = rules[kind.ordinal()];
        if (r.revoked.contains(group)) {
            return false;
        }
        return r.all || r.exact.contains(group) || r.granted.contains(group)
                || r.patterns.stream().anyMatch(m -> m.test(group));
    }

    /** Grants the permission for one group; false when the cap of literal grants is reached. */
    public synchronized boolean grant(Kind kind, String group) {
        Rules r = rules[kind.ordinal()];
        r.revoked.remove(group);
        if (!r.granted.contains(group) && r.granted.size() >= MAX_GRANTS) {
            return false;
        }
        r.granted.add(group);
        return true;
    }

    /** Revokes the permission for one group, even when a broader role grants it. */
    public synchronized void revoke(Kind kind, String group) {
        Rules r = rules[kind.ordinal()];
        r.granted.remove(group);
        r.revoked.add(group);
    }

    @Override
    public String toString() {
        return "Permissions";
    }
}
