package io.webpubsub.emulator.impl.filter;

import java.util.Locale;

/**
 * One lexical token of a filter.
 *
 * @param kind  the token kind
 * @param text  the source text (for strings: the unescaped value)
 * @param start index of the first character in the filter
 * @param end   index after the last character in the filter
 */
record Token(Kind kind, String text, int start, int end) {

    enum Kind { IDENTIFIER, STRING, INTEGER, OPEN, CLOSE, COMMA, END }

    /** Whether this is the identifier or keyword {@code word}, compared case-insensitively. */
    boolean is(String word) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(word);
    }

    String lowerText() {
        return text.toLowerCase(Locale.ROOT);
    }

    /** How the token is named in an error message. */
    String describe(String filter) {
        switch (kind) {
            case END:
                return "the end of the filter";
            case STRING:
                return "string " + filter.substring(start, end);
            default:
                return "'" + filter.substring(start, end) + "'";
        }
    }
}
