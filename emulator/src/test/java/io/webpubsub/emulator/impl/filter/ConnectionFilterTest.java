package io.webpubsub.emulator.impl.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConnectionFilterTest {

    record Target(String connectionId, String userId, Set<String> groups, String protocol) implements FilterTarget {
        @Override
        public String toString() {
            return userId + "@" + connectionId;
        }
    }

    static final Target ALICE = new Target("conn1", "alice", Set.of("group1", "room.a"), "json.webpubsub.azure.v1");
    static final Target BOB = new Target("123", "Bob", Set.of("group2"), "json.reliable.webpubsub.azure.v1");
    static final Target ANON = new Target("conn3", null, Set.of(), null);
    static final Target QUOTE = new Target("conn4", "user'1", null, null);
    static final Target PADDED = new Target("conn5", "  user-ab-de ", Set.of("group1", "group2"), "custom");

    static Stream<Arguments> matches() {
        return Stream.of(
                // the examples of the service's filter documentation
                row("'group1' in groups or 'group2' in groups", ALICE, true),
                row("'group1' in groups or 'group2' in groups", BOB, true),
                row("'group1' in groups or 'group2' in groups", ANON, false),
                row("userId in ('alice','Bob') and 'group1' in groups", ALICE, true),
                row("userId in ('alice','Bob') and 'group1' in groups", BOB, false),
                row("userId eq 'Bob' and connectionId ne '123'", BOB, false),
                row("userId eq 'alice' and connectionId ne '123'", ALICE, true),
                row("userId eq 'alice' and (not ('group1' in groups))", ALICE, false),
                row("userId eq 'Bob' and (not ('group1' in groups))", BOB, true),
                row("userId eq 'user''1'", QUOTE, true),
                row("userId eq 'user''1'", ALICE, false),
                row("userId eq ''''", QUOTE, false),
                row("userId in ('O''Brien, Jane', 'user''1')", QUOTE, true),
                row("not (length(userId) gt 5)", ALICE, true),
                row("not (length(userId) gt 4)", ALICE, false),
                // null handling
                row("userId eq null", ANON, true),
                row("userId eq null", ALICE, false),
                row("userId ne null", ALICE, true),
                row("userId ne null", ANON, false),
                row("null eq userId", ANON, true),
                row("protocol eq null", ANON, true),
                row("protocol eq null", ALICE, false),
                row("userId gt null", ALICE, false),
                row("userId lt 'z'", ANON, false),
                row("userId ge 'a'", ANON, false),
                row("length(userId) eq null", ANON, true),
                row("length(userId) ge 0", ANON, false),
                row("startswith(userId, 'a')", ANON, false),
                row("not startswith(userId, 'a')", ANON, false),
                row("not startswith(userId, 'a')", BOB, true),
                row("startswith(userId, 'a') or true", ANON, true),
                row("startswith(userId, 'a') and false", ANON, false),
                row("not (startswith(userId, 'a') and true)", ANON, false),
                row("not (startswith(userId, 'a') or false)", ANON, false),
                row("startswith(userId, 'a') eq null", ANON, true),
                row("userId in ('a', null)", ANON, true),
                row("userId in ('a', 'b')", ANON, false),
                row("userId in groups", ANON, false),
                row("length(groups) eq 0", QUOTE, true),
                row("'x' in groups", QUOTE, false),
                row("concat(userId, 'x') eq 'x'", ANON, false),
                // identifiers, keywords and functions are case-insensitive; values are not
                row("USERID eq 'alice'", ALICE, true),
                row("UserId Eq 'alice' AND ConnectionID EQ 'conn1'", ALICE, true),
                row("'group1' IN GROUPS", ALICE, true),
                row("userid eq 'ALICE'", ALICE, false),
                row("'GROUP1' in groups", ALICE, false),
                row("ToLower(userId) eq 'bob'", BOB, true),
                row("Protocol eq 'json.webpubsub.azure.v1'", ALICE, true),
                row("protocol eq 'json.webpubsub.azure.v1'", BOB, false),
                row("TRUE", ANON, true),
                row("False", ANON, false),
                // ordinal string comparison, also for gt/lt ('B' < 'a' in UTF-16 order)
                row("userId gt 'Bob'", ALICE, true),
                row("userId lt 'alice'", BOB, true),
                row("userId ge 'alice'", ALICE, true),
                row("userId le 'alice'", ALICE, true),
                row("userId gt 'alice'", ALICE, false),
                row("userId lt 'alice'", ALICE, false),
                row("userId le 'alicf'", ALICE, true),
                row("'b' gt 'a'", ANON, true),
                // integers with sign
                row("length(userId) eq 5", ALICE, true),
                row("length(userId) eq +5", ALICE, true),
                row("length(userId) ne 5", ALICE, false),
                row("length(userId) gt 4", ALICE, true),
                row("length(userId) ge 5", ALICE, true),
                row("length(userId) lt 6", ALICE, true),
                row("length(userId) le 4", ALICE, false),
                row("indexof(userId, 'z') eq -1", ALICE, true),
                row("-1 lt 0", ANON, true),
                row("10 gt 9", ANON, true),
                row("true eq true", ANON, true),
                row("true gt false", ANON, true),
                row("(userId eq 'alice') eq true", ALICE, true),
                row("userId eq 'alice' eq false", BOB, true),
                // precedence: not > comparison > and > or
                row("userId eq 'alice' or userId eq 'Bob' and connectionId eq 'nope'", ALICE, true),
                row("(userId eq 'alice' or userId eq 'Bob') and connectionId eq 'nope'", ALICE, false),
                row("false and false or true", ANON, true),
                row("false and (false or true)", ANON, false),
                row("true or true and false", ANON, true),
                row("not false and false", ANON, false),
                row("not (false and false)", ANON, true),
                row("not not true", ANON, true),
                row("not true eq false", ANON, true),
                row("((((userId eq 'alice'))))", ALICE, true),
                row("not('group1' in groups)", ALICE, false),
                row("not('group1' in groups)", BOB, true),
                row("userId ne 'user1' and userId ne 'user2'", ALICE, true),
                row("'group1' in (groups)", ALICE, true),
                row("userId in ('alice')", ALICE, true),
                row("userId in (concat('al', 'ice'), 'x')", ALICE, true),
                row("'room.a' in groups and 'group2' in groups", ALICE, false),
                // every function
                row("tolower(userId) eq 'bob'", BOB, true),
                row("toupper(userId) eq 'BOB'", BOB, true),
                row("trim(userId) eq 'user-ab-de'", PADDED, true),
                row("substring(trim(userId), 5, 2) eq 'ab'", PADDED, true),
                row("substring(userId, 1) eq 'lice'", ALICE, true),
                row("substring(userId, 1, 1) eq 'l'", ALICE, true),
                row("substring(userId, 0, 0) eq ''", ALICE, true),
                row("substring(userId, 5) eq ''", ALICE, true),
                row("substring(userId, 9) eq ''", ALICE, true),
                row("substring(userId, 3, 9) eq 'ce'", ALICE, true),
                row("substring(userId, -2, 2) eq 'al'", ALICE, true),
                row("substring(userId, 1, -1) eq ''", ALICE, true),
                row("substring(userId, 1, 2147483647) eq 'lice'", ALICE, true),
                row("contains(userId, null)", ALICE, false),
                row("contains(userId, null) eq null", ALICE, true),
                row("concat(userId, connectionId) eq 'aliceconn1'", ALICE, true),
                row("concat(concat('a', 'b'), 'c') eq 'abc'", ANON, true),
                row("indexof(userId, 'ice') eq 2", ALICE, true),
                row("indexof(userId, 'ICE') eq -1", ALICE, true),
                row("indexof(userId, '') eq 0", ALICE, true),
                row("length(userId) eq 13", PADDED, true),
                row("length(groups) eq 2", ALICE, true),
                row("length(groups) gt 1", BOB, false),
                row("startswith(userId, 'ali')", ALICE, true),
                row("startswith(userId, 'Ali')", ALICE, false),
                row("endswith(userId, 'ice')", ALICE, true),
                row("endswith(userId, 'al')", ALICE, false),
                row("contains(userId, 'lic')", ALICE, true),
                row("contains(userId, 'b')", ALICE, false),
                row("contains(connectionId, '2')", BOB, true),
                row("startswith(protocol, 'json.reliable')", BOB, true),
                // whitespace
                row("\tuserId\neq\r'alice'  ", ALICE, true),
                row("userId eq'alice'and(true)", ALICE, true));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                // type errors quote the expression that fails, as the service does
                err("not length(userId) gt 5", "not length(userId)", "Type 'int', expect 'bool'"),
                err("( not 'a' )", "not 'a'", "Type 'string', expect 'bool'"),
                err("userId lt 1", "userId lt 1", "Type 'string', expect 'int'"),
                err("1 eq userId", "1 eq userId", "Type 'int', expect 'string'"),
                err("userId eq true", "userId eq true", "Type 'string', expect 'bool'"),
                err("userId", "userId", "Type 'string', expect 'bool'"),
                err("length(groups)", "length(groups)", "Type 'int', expect 'bool'"),
                err("null", "null", "Type 'null', expect 'bool'"),
                err("groups", "groups", "Type 'collection', expect 'bool'"),
                err("'a'", "'a'", "Type 'string', expect 'bool'"),
                err("userId eq 'a' and 'b'", "userId eq 'a' and 'b'", "Type 'string', expect 'bool'"),
                err("1 or true", "1 or true", "Type 'int', expect 'bool'"),
                err("true and (connectionId)", "true and (connectionId)", "Type 'string', expect 'bool'"),
                err("not null", "not null", "Type 'null', expect 'bool'"),
                err("not 'g1' in groups", "not 'g1'", "Type 'string', expect 'bool'"),
                err("groups eq 'a'", "groups eq 'a'", "Type 'collection', expect 'string'"),
                err("'a' eq groups", "'a' eq groups", "Type 'collection', expect 'string'"),
                err("length(userId) eq groups", "length(userId) eq groups", "Type 'collection', expect 'int'"),
                err("'a' in userId", "'a' in userId", "Type 'string', expect 'collection'"),
                err("1 in groups", "1 in groups", "Type 'int', expect 'string'"),
                err("null in groups", "null in groups", "Type 'null', expect 'string'"),
                err("groups in groups", "groups in groups", "Type 'collection', expect 'string'"),
                err("userId in ('a', 1)", "userId in ('a', 1)", "Type 'int', expect 'string'"),
                err("userId in ('a', groups)", "userId in ('a', groups)", "Type 'collection', expect 'string'"),
                err("groups in ('a')", "groups in ('a')", "Type 'collection', expect 'string'"),
                err("tolower(1) eq 'a'", "tolower(1)", "Type 'int', expect 'string' for argument 1 of 'tolower'"),
                err("substring(userId, '1') eq 'a'", "substring(userId, '1')",
                        "Type 'string', expect 'int' for argument 2 of 'substring'"),
                err("substring(userId, 1, true) eq 'a'", "substring(userId, 1, true)",
                        "Type 'bool', expect 'int' for argument 3 of 'substring'"),
                err("length(5) eq 1", "length(5)", "Type 'int', expect 'string' for argument 1 of 'length'"),
                err("startswith(groups, 'a')", "startswith(groups, 'a')",
                        "Type 'collection', expect 'string' for argument 1 of 'startswith'"),
                err("substring(userId, length(userId) sub 1) eq 'e'", "substring(userId, length(userId) sub 1) eq 'e'",
                        "Expected ',' or ')' at position 33, found 'sub'"),
                // arity
                err("tolower(userId, 'x') eq 'a'", "tolower(userId, 'x')",
                        "Function 'tolower' takes 1 arguments, found 2"),
                err("substring(userId) eq 'a'", "substring(userId)",
                "Function 'substring' takes 2 or 3 arguments, found 1"),
                err("substring(userId, 1, 2, 3) eq 'a'", "substring(userId, 1, 2, 3)",
                        "Function 'substring' takes 2 or 3 arguments, found 4"),
                err("concat('a') eq 'a'", "concat('a')", "Function 'concat' takes 2 arguments, found 1"),
                // unknown names
                err("ab eq 1", "ab eq 1", "Token 'ab' at position 0 is not supported"),
                err("user eq 'a'", "user eq 'a'", "Token 'user' at position 0 is not supported"),
                err("invalid(ab,c)", "invalid(ab,c)", "Function 'invalid' at position 0 is not supported"),
                err("userId eq 'a' or length eq 1", "userId eq 'a' or length eq 1",
                        "Token 'length' at position 17 is not supported"),
                // syntax, with positions
                err("", "", "Expected an expression at position 0, found the end of the filter"),
                err("   ", "   ", "Expected an expression at position 3, found the end of the filter"),
                err("userId eq", "userId eq", "Expected an expression at position 9, found the end of the filter"),
                err("userId eq eq 'a'", "userId eq eq 'a'", "Expected an expression at position 10, found 'eq'"),
                err("and true", "and true", "Expected an expression at position 0, found 'and'"),
                err("userId eq )", "userId eq )", "Expected an expression at position 10, found ')'"),
                err("userId in ()", "userId in ()", "Expected an expression at position 11, found ')'"),
                err("userId in", "userId in", "Expected an expression at position 9, found the end of the filter"),
                err("userId eq 'a' 'b'", "userId eq 'a' 'b'",
                        "Unexpected string 'b' at position 14; expected an operator or the end of the filter"),
                err("userId eq 'a')", "userId eq 'a')",
                        "Unexpected ')' at position 13; expected an operator or the end of the filter"),
                err("userId eq 'a' userId", "userId eq 'a' userId",
                        "Unexpected 'userId' at position 14; expected an operator or the end of the filter"),
                err("(userId eq 'a'", "(userId eq 'a'", "Expected ')' at position 14, found the end of the filter"),
                err("(userId eq 'a', true)", "(userId eq 'a', true)", "Expected ')' at position 14, found ','"),
                err("userId in ('a' 'b')", "userId in ('a' 'b')",
                "Expected ',' or ')' at position 15, found string 'b'"),
                err("tolower(userId eq 'a'", "tolower(userId eq 'a'",
                        "Expected ',' or ')' at position 21, found the end of the filter"),
                err("userId eq 'abc", "userId eq 'abc", "Unterminated string literal starting at position 10"),
                err("userId eq 'it''s", "userId eq 'it''s", "Unterminated string literal starting at position 10"),
                err("userId eq \"a\"", "userId eq \"a\"", "Unexpected character '\"' at position 10"),
                err("userId == 'a'", "userId == 'a'", "Unexpected character '=' at position 7"),
                err("length(userId) gt - 1", "length(userId) gt - 1", "Unexpected character '-' at position 18"),
                err("length(userId) gt 1a", "length(userId) gt 1a", "Unexpected character 'a' at position 19"),
                err("length(userId) gt 2147483648", "length(userId) gt 2147483648",
                        "Integer 2147483648 at position 18 is out of range"),
                err("length(userId) gt -2147483649", "length(userId) gt -2147483649",
                        "Integer -2147483649 at position 18 is out of range"));
    }

    @ParameterizedTest(name = "[{index}] {0} for {1} -> {2}")
    @MethodSource
    void matches(String filter, Target target, boolean expected) {
        assertEquals(expected, ConnectionFilter.parse(filter).test(target));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void errors(String filter, String quoted, String detail) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConnectionFilter.parse(filter));
        assertEquals("Invalid syntax for '" + quoted + "': " + detail + ". (Parameter 'filter')", e.getMessage());
    }

    @Test
    void integerBoundsAreAccepted() {
        assertEquals(true, ConnectionFilter.parse("-2147483648 lt 2147483647").test(ANON));
    }

    @Test
    void nullComparedWithNullIsAllowedAndTrue() {
        assertEquals(true, ConnectionFilter.parse("null eq null").test(ANON));
        assertEquals(false, ConnectionFilter.parse("null ne null").test(ANON));
    }

    @Test
    void oneHundredClausesAreAcceptedAndOneMoreIsRejected() {
        String hundred = clauses(100);
        assertEquals(true, ConnectionFilter.parse(hundred).test(ALICE));
        assertEquals(false, ConnectionFilter.parse(hundred).test(BOB));
        String tooMany = clauses(101);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                ConnectionFilter.parse(tooMany));
        int position = tooMany.lastIndexOf("userId");
        assertEquals("Invalid syntax for '" + tooMany
                + "': The filter has more than 100 clauses (limit reached at position "
                + position + "). (Parameter 'filter')", e.getMessage());
    }

    @Test
    void clausesCountAcrossParenthesesAndAndOr() {
        String filter = "(" + clauses(60) + ") and (" + clauses(40) + ")";
        ConnectionFilter.parse(filter);
        String tooMany = "(" + clauses(60) + ") and (" + clauses(41) + ")";
        assertThrows(IllegalArgumentException.class, () -> ConnectionFilter.parse(tooMany));
    }

    @Test
    void deepNestingIsRejectedWithoutStackOverflow() {
        assertEquals(true, ConnectionFilter.parse("(".repeat(100) + "true" + ")".repeat(100)).test(ANON));
        String deep = "(".repeat(101) + "true" + ")".repeat(101);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConnectionFilter.parse(deep));
        assertEquals("Invalid syntax for '" + deep + "': The filter nests deeper than 100 levels at position 100."
                + " (Parameter 'filter')", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConnectionFilter.parse("not ".repeat(100_000) + "true"));
        assertThrows(IllegalArgumentException.class, () -> ConnectionFilter.parse("(".repeat(100_000)));
        assertThrows(IllegalArgumentException.class,
                () -> ConnectionFilter.parse("true" + " eq true".repeat(100_000)));
        assertEquals(true, ConnectionFilter.parse("true" + " eq true".repeat(99)).test(ANON));
    }

    @Test
    void aFilterIsReusableAndShowsItsText() {
        ConnectionFilter filter = ConnectionFilter.parse("'group1' in groups");
        assertEquals(true, filter.test(ALICE));
        assertEquals(false, filter.test(BOB));
        assertEquals(true, filter.test(PADDED));
        assertEquals("'group1' in groups", filter.toString());
    }

    @Test
    void nullFilterIsAProgrammingError() {
        assertThrows(NullPointerException.class, () -> ConnectionFilter.parse(null));
    }

    private static String clauses(int count) {
        StringBuilder b = new StringBuilder("userId eq 'alice'");
        for (int i = 1; i < count; i++) {
            b.append(" and userId ne 'u").append(i).append('\'');
        }
        return b.toString();
    }

    private static Arguments row(String filter, Target target, boolean expected) {
        return Arguments.of(filter, target, expected);
    }

    private static Arguments err(String filter, String quoted, String detail) {
        return Arguments.of(filter, quoted, detail);
    }
}
