package io.webpubsub.emulator.impl.filter;

import java.util.ArrayList;
import java.util.List;

/** Splits a filter into tokens; the list always ends with an {@link Token.Kind#END} token. */
final class Lexer {

    private final String filter;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private Lexer(String filter) {
        this.filter = filter;
    }

    static List<Token> tokenize(String filter) {
        Lexer lexer = new Lexer(filter);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            while (pos < filter.length() && Character.isWhitespace(filter.charAt(pos))) {
                pos++;
            }
            if (pos == filter.length()) {
                tokens.add(new Token(Token.Kind.END, "", pos, pos));
                return;
            }
            tokens.add(next(filter.charAt(pos)));
        }
    }

    private Token next(char c) {
        int start = pos;
        switch (c) {
            case '(':
                return single(Token.Kind.OPEN);
            case ')':
                return single(Token.Kind.CLOSE);
            case ',':
                return single(Token.Kind.COMMA);
            case '\'':
                return string();
            default:
                break;
        }
        if (isDigit(c) || ((c == '+' || c == '-') && start + 1 < filter.length() && isDigit(filter.charAt(start
                + 1)))) {
            return integer();
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < filter.length() && (Character.isLetterOrDigit(filter.charAt(pos))
                    || filter.charAt(pos) == '_')) {
                pos++;
            }
            return new Token(Token.Kind.IDENTIFIER, filter.substring(start, pos), start, pos);
        }
        throw FilterErrors.invalid(filter, "Unexpected character '" + c + "' at position " + start);
    }

    private Token single(Token.Kind kind) {
        pos++;
        return new Token(kind, filter.substring(pos - 1, pos), pos - 1, pos);
    }

    private Token string() {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (pos < filter.length()) {
            char c = filter.charAt(pos++);
            if (c != '\'') {
                value.append(c);
            } else if (pos < filter.length() && filter.charAt(pos) == '\'') {
                value.append('\'');
                pos++;
            } else {
                return new Token(Token.Kind.STRING, value.toString(), start, pos);
            }
        }
        throw FilterErrors.invalid(filter, "Unterminated string literal starting at position " + start);
    }

    private Token integer() {
        int start = pos++;
        while (pos < filter.length() && isDigit(filter.charAt(pos))) {
            pos++;
        }
        if (pos < filter.length() && (Character.isLetter(filter.charAt(pos)) || filter.charAt(pos) == '_')) {
            throw FilterErrors.invalid(filter, "Unexpected character '" + filter.charAt(pos) + "' at position " + pos);
        }
        return new Token(Token.Kind.INTEGER, filter.substring(start, pos), start, pos);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
