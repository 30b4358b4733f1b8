package io.webpubsub.emulator.impl.auth;

import java.util.Arrays;

/**
 * A wildcard group pattern of the {@code webpubsub.joinLeaveGroups.<pattern>} and
 * {@code webpubsub.sendToGroups.<pattern>} roles.
 *
 * <p>{@code ?} matches exactly one character except {@code .}; {@code *} matches zero or more characters except
 * {@code .}; {@code **} matches zero or more characters including {@code .}; {@code \} escapes {@code \},
 * {@code *} and {@code ?}; every other character matches itself, case-sensitively. A run of more than two
 * {@code *} means the same as {@code **}. Characters are Unicode code points.
 *
 * <p>Matching simulates the pattern as a set of states in one pass over the group name, so it takes at most
 * (pattern length × name length) steps whatever the input: no regular expressions, no backtracking.
 * Instances are immutable and thread-safe.
 */
public final class GroupPattern {

    /** Maximum pattern length in characters (UTF-16 units). */
    public static final int MAX_LENGTH = 1024;

    /** Maximum number of unescaped {@code *} characters in a pattern. */
    public static final int MAX_STARS = 5;

    private static final int ONE = -1;      // '?'
    private static final int SEGMENT = -2;  // '*'
    private static final int ANY = -3;      // '**'

    private final String pattern;
    /** Code points to match literally, or one of the negative wildcard codes. */
    private final int[] steps;

    private GroupPattern(String pattern, int[] steps) {
        this.pattern = pattern;
        this.steps = steps;
    }

    /**
     * Compiles a pattern.
     *
     * @param pattern the pattern, the part of the role after {@code joinLeaveGroups.} or {@code sendToGroups.}
     * @return the compiled pattern
     * @throws IllegalArgumentException if the pattern is empty, longer than 1024 characters, has more than five
     *                                  {@code *}, or has a {@code \} not followed by {@code \}, {@code *} or
     *                                  {@code ?}; the message names the pattern and the position
     * @throws NullPointerException     if {@code pattern} is {@code null}
     */
    public static GroupPattern compile(String pattern) {
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("Invalid group pattern '': the pattern must not be empty");
        }
        if (pattern.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Invalid group pattern: its length " + pattern.length()
                    + " exceeds the limit of " + MAX_LENGTH + " characters");
        }
        int[] steps = new int[pattern.length()];
        int count = 0;
        int stars = 0;
        for (int i = 0; i < pattern.length(); ) {
            int c = pattern.codePointAt(i);
            if (c == '\\') {
                int next = i + 1 < pattern.length() ? pattern.charAt(i + 1) : -1;
                if (next != '\\' && next != '*' && next != '?') {
                    throw invalid(pattern, "'\\' at position " + i + " must be followed by '\\', '*' or '?'");
                }
                steps[count++] = next;
                i += 2;
            } else if (c == '*') {
                if (++stars > MAX_STARS) {
                    throw invalid(pattern, "more than " + MAX_STARS + " '*' (the sixth is at position " + i + ")");
                }
                count = star(steps, count);
                i++;
            } else {
                steps[count++] = c == '?' ? ONE : c;
                i += Character.charCount(c);
            }
        }
        return new GroupPattern(pattern, Arrays.copyOf(steps, count));
    }

    /** Appends a '*', turning a star right after another star into one {@code ANY}; returns the new step count. */
    private static int star(int[] steps, int count) {
        if (count > 0 && (steps[count - 1] == SEGMENT || steps[count - 1] == ANY)) {
            steps[count - 1] = ANY;
            return count;
        }
        steps[count] = SEGMENT;
        return count + 1;
    }

    private static IllegalArgumentException invalid(String pattern, String detail) {
        return new IllegalArgumentException("Invalid group pattern '" + pattern + "': " + detail);
    }

    /**
     * Whether a group name matches this pattern.
     *
     * @param group the group name
     * @return {@code true} if the whole name matches
     */
    public boolean matches(String group) {
        boolean[] active = new boolean[steps.length + 1];
        active[0] = true;
        close(active);
        for (int i = 0; i < group.length(); ) {
            int c = group.codePointAt(i);
            i += Character.charCount(c);
            boolean[] next = new boolean[active.length];
            boolean any = false;
            for (int s = 0; s < steps.length; s++) {
                if (active[s]) {
                    int step = steps[s];
                    if (step == ANY || step == SEGMENT && c != '.') {
                        next[s] = any = true;
                    } else if (step == c || step == ONE && c != '.') {
                        next[s + 1] = any = true;
                    }
                }
            }
            if (!any) {
                return false;
            }
            close(next);
            active = next;
        }
        return active[steps.length];
    }

    /** Adds the states reachable without consuming a character: a star may match nothing. */
    private void close(boolean[] active) {
        for (int s = 0; s < steps.length; s++) {
            if (active[s] && (steps[s] == SEGMENT || steps[s] == ANY)) {
                active[s + 1] = true;
            }
        }
    }

    /** Returns the pattern as written. */
    @Override
    public String toString() {
        return pattern;
    }
}
