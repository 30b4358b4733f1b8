package io.webpubsub.emulator.impl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GroupPatternTest {

    static Stream<Arguments> matches() {
        return Stream.of(
                row("chat", "chat", true),
                row("chat", "Chat", false),
                row("chat", "chat1", false),
                row("chat", "cha", false),
                // ? is exactly one character except '.'
                row("room?", "room1", true),
                row("room?", "room", false),
                row("room?", "room12", false),
                row("room?", "room.", false),
                row("??", "ab", true),
                row("a?c", "a\uD83D\uDE00c", true),
                // * is zero or more characters except '.'
                row("room*", "room", true),
                row("room*", "room-42", true),
                row("room*", "room.42", false),
                row("*", "", true),
                row("*", "anything", true),
                row("*", "a.b", false),
                row("chat.*", "chat.room1", true),
                row("chat.*", "chat.", true),
                row("chat.*", "chat.room1.sub", false),
                row("chat.*.admins", "chat.room1.admins", true),
                row("chat.*.admins", "chat..admins", true),
                row("chat.*.admins", "chat.a.b.admins", false),
                row("*.*", "a.b", true),
                row("*.*", "ab", false),
                row("a*b*c", "abc", true),
                row("a*b*c", "aXbYc", true),
                row("a*b*c", "aXbYcZ", false),
                row("a*b*c", "aXcYb", false),
                // ** is zero or more characters including '.'
                row("chat.**", "chat.room1.sub.x", true),
                row("chat.**", "chat.", true),
                row("chat.**", "chat", false),
                row("**", "", true),
                row("**", "a.b.c", true),
                row("**.admins", "x.y.admins", true),
                row("**.admins", ".admins", true),
                row("**.admins", "admins", false),
                row("a.**.z", "a.b.c.z", true),
                row("a.**.z", "a..z", true),
                row("a.**.z", "a.z", false),
                row("***", "a.b", true),
                row("a**b*", "a.x.bc", true),
                row("a**b*", "a.x.bc.d", false),
                row("a*b**", "ax.b", false),
                // escapes
                row("a\\*b", "a*b", true),
                row("a\\*b", "axb", false),
                row("a\\?b", "a?b", true),
                row("a\\?b", "axb", false),
                row("a\\\\b", "a\\b", true),
                row("a\\\\*", "a\\xyz", true),
                row("\\*\\*", "**", true),
                row("\\*\\*", "ab", false),
                // no special meaning for anything else
                row("a.b", "aXb", false),
                row("[ab]+", "[ab]+", true),
                row("[ab]+", "a", false),
                row("(.*)", "(.*)", true),
                row("^$|x", "^$|x", true),
                row("ünï", "ünï", true));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad("", "Invalid group pattern '': the pattern must not be empty"),
                bad("a\\b", "Invalid group pattern 'a\\b': '\\' at position 1 must be followed by '\\', '*' or '?'"),
                bad("a\\.b", "Invalid group pattern 'a\\.b': '\\' at position 1 must be followed by '\\', '*' or '?'"),
                bad("ab\\", "Invalid group pattern 'ab\\': '\\' at position 2 must be followed by '\\', '*' or '?'"),
                bad("*.*.*.*.*.*",
                "Invalid group pattern '*.*.*.*.*.*': more than 5 '*' (the sixth is at position 10)"),
                bad("***.***", "Invalid group pattern '***.***': more than 5 '*' (the sixth is at position 6)"),
                bad("x".repeat(1025), "Invalid group pattern: its length 1025 exceeds the limit of 1024 characters"));
    }

    @ParameterizedTest(name = "[{index}] {0} ~ {1} -> {2}")
    @MethodSource
    void matches(String pattern, String group, boolean expected) {
        assertEquals(expected, GroupPattern.compile(pattern).matches(group));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void invalid(String pattern, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GroupPattern.compile(pattern));
        assertEquals(message, e.getMessage());
    }

    @Test
    void limitsAreInclusive() {
        assertEquals(true, GroupPattern.compile("x".repeat(1024)).matches("x".repeat(1024)));
        assertEquals(true, GroupPattern.compile("*.*.**.\\*").matches("a.b.c.d.*"));
        assertEquals(true, GroupPattern.compile("\\*\\*\\*\\*\\*\\*\\*").matches("*******"));
    }

    @Test
    void adversarialInputsMatchInLinearPasses() {
        // these explode a backtracking matcher; the state-set simulation is bounded by pattern x name length
        GroupPattern pattern = GroupPattern.compile("*a*a*a*a*b");
        String name = "a".repeat(100_000);
        GroupPattern globs = GroupPattern.compile("**a**a*b");
        String dotted = "a.".repeat(50_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertEquals(false, pattern.matches(name));
            assertEquals(true, pattern.matches(name + "b"));
            assertEquals(false, globs.matches(dotted));
            assertEquals(true, globs.matches(dotted + "ab"));
        });
    }

    @Test
    void toStringIsThePattern() {
        assertEquals("chat.**", GroupPattern.compile("chat.**").toString());
    }

    @Test
    void nullPatternIsAProgrammingError() {
        assertThrows(NullPointerException.class, () -> GroupPattern.compile(null));
    }

    private static Arguments row(String pattern, String group, boolean expected) {
        return Arguments.of(pattern, group, expected);
    }

    private static Arguments bad(String pattern, String message) {
        return Arguments.of(pattern, message);
    }
}
