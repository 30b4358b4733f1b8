package io.webpubsub.emulator.impl.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser with type checking. Grammar, loosest binding first:
 * <pre>
 * or         := and ('or' and)*
 * and        := comparison ('and' comparison)*
 * comparison := unary (('eq'|'ne'|'gt'|'ge'|'lt'|'le') unary | 'in' (list | unary))*
 * unary      := 'not' unary | primary
 * primary    := literal | identifier | function '(' or (',' or)* ')' | '(' or ')'
 * list       := '(' or (',' or)* ')'
 * </pre>
 */
final class Parser {

    static final int MAX_CLAUSES = 100;
    static final int MAX_DEPTH = 100;

    private final String filter;
    private final List<Token> tokens;
    private int index;
    private int depth;
    private int clauses = 1;

    private Parser(String filter) {
        this.filter = filter;
        this.tokens = Lexer.tokenize(filter);
    }

    static Expr parse(String filter) {
        Parser parser = new Parser(filter);
        Expr root = parser.parseOr();
        Token trailing = parser.peek();
        if (trailing.kind() != Token.Kind.END) {
            throw parser.syntax("Unexpected " + trailing.describe(filter) + " at position " + trailing.start()
                    + "; expected an operator or the end of the filter");
        }
        parser.expectType(root, FilterType.BOOL);
        return root;
    }

    private Expr parseOr() {
        Expr left = parseAnd();
        while (peek().is("or")) {
            index++;
            left = logical(false, left, parseAnd());
        }
        return left;
    }

    private Expr parseAnd() {
        Expr left = parseComparison();
        while (peek().is("and")) {
            index++;
            left = logical(true, left, parseComparison());
        }
        return left;
    }

    private Expr logical(boolean and, Expr left, Expr right) {
        Expr node = new Expr.Logical(and, left, right);
        if (++clauses > MAX_CLAUSES) {
            throw syntax("The filter has more than " + MAX_CLAUSES + " clauses (limit reached at position "
                    + right.start + ")");
        }
        expectOperand(node, left, FilterType.BOOL);
        expectOperand(node, right, FilterType.BOOL);
        return node;
    }

    /** Chained comparisons ({@code a eq b eq c}) nest to the left, so each link past the first counts as a level. */
    private Expr parseComparison() {
        Expr left = parseUnary();
        int links = 0;
        while (true) {
            Token token = peek();
            Expr.Operator operator = operator(token);
            if (operator == null && !token.is("in")) {
                depth -= Math.max(0, links - 1);
                return left;
            }
            if (links++ > 0) {
                enter(token);
            }
            index++;
            if (operator != null) {
                left = comparison(operator, left, parseUnary());
            } else {
                left = peek().kind() == Token.Kind.OPEN ? inList(left) : inCollection(left, parseUnary());
            }
        }
    }

    private static Expr.Operator operator(Token token) {
        if (token.kind() != Token.Kind.IDENTIFIER) {
            return null;
        }
        for (Expr.Operator operator : Expr.Operator.values()) {
            if (operator.name().equalsIgnoreCase(token.text())) {
                return operator;
            }
        }
        return null;
    }

    private Expr comparison(Expr.Operator operator, Expr left, Expr right) {
        Expr node = new Expr.Comparison(operator, left, right);
        if (left.type == FilterType.COLLECTION || right.type == FilterType.COLLECTION) {
            Expr other = left.type == FilterType.COLLECTION ? right : left;
            FilterType expected = other.type == FilterType.COLLECTION || other.type == FilterType.NULL
                    ? FilterType.STRING : other.type;
            throw FilterErrors.type(text(node), FilterType.COLLECTION, expected);
        }
        if (!left.type.fits(right.type) && !right.type.fits(left.type)) {
            throw FilterErrors.type(text(node), left.type, right.type);
        }
        return node;
    }

    /** After {@code in}, a parenthesised single collection is the collection form, anything else a list. */
    private Expr inList(Expr left) {
        int open = peek().start();
        List<Expr> elements = parseParenthesised(true);
        int end = tokens.get(index - 1).end();
        if (elements.size() == 1 && elements.get(0).type == FilterType.COLLECTION) {
            return inCollection(left, new Expr.Group(open, end, elements.get(0)));
        }
        Expr node = new Expr.InList(left, elements, end);
        if (left.type == FilterType.COLLECTION) {
            throw FilterErrors.type(text(node), FilterType.COLLECTION, FilterType.STRING);
        }
        for (Expr element : elements) {
            if (!element.type.fits(left.type) && !left.type.fits(element.type)) {
                throw FilterErrors.type(text(node), element.type, left.type == FilterType.NULL
                        ? FilterType.STRING : left.type);
            }
        }
        return node;
    }

    private Expr inCollection(Expr left, Expr collection) {
        Expr node = new Expr.InCollection(left, collection);
        expectOperand(node, collection, FilterType.COLLECTION);
        expectOperand(node, left, FilterType.STRING);
        return node;
    }

    private Expr parseUnary() {
        Token token = peek();
        if (token.is("not")) {
            index++;
            enter(token);
            Expr operand = parseUnary();
            depth--;
            Expr node = new Expr.Not(token.start(), operand);
            expectOperand(node, operand, FilterType.BOOL);
            return node;
        }
        return parsePrimary();
    }

    private Expr parsePrimary() {
        Token token = next();
        switch (token.kind()) {
            case STRING:
                return new Expr.Literal(token.start(), token.end(), FilterType.STRING, token.text());
            case INTEGER:
                return new Expr.Literal(token.start(), token.end(), FilterType.INT, integer(token));
            case OPEN:
                index--;
                List<Expr> inner = parseParenthesised(false);
                return new Expr.Group(token.start(), tokens.get(index - 1).end(), inner.get(0));
            case IDENTIFIER:
                return peek().kind() == Token.Kind.OPEN ? call(token) : word(token);
            default:
                throw expected("an expression", token);
        }
    }

    private Expr word(Token token) {
        switch (token.lowerText()) {
            case "true":
                return new Expr.Literal(token.start(), token.end(), FilterType.BOOL, Boolean.TRUE);
            case "false":
                return new Expr.Literal(token.start(), token.end(), FilterType.BOOL, Boolean.FALSE);
            case "null":
                return new Expr.Literal(token.start(), token.end(), FilterType.NULL, null);
            case "and": case "or": case "not": case "in":
            case "eq": case "ne": case "gt": case "ge": case "lt": case "le":
                throw expected("an expression", token);
            default:
                Expr.Field field = Expr.Field.byName(token.text());
                if (field == null) {
                    throw syntax("Token '" + token.text() + "' at position " + token.start() + " is not supported");
                }
                return new Expr.Identifier(token.start(), token.end(), field);
        }
    }

    private Expr call(Token name) {
        FilterFunction function = FilterFunction.byName(name.text());
        if (function == null) {
            throw syntax("Function '" + name.text() + "' at position " + name.start() + " is not supported");
        }
        List<Expr> arguments = parseParenthesised(true);
        Expr node = new Expr.Call(name.start(), tokens.get(index - 1).end(), function, arguments);
        if (arguments.size() < function.minArgs() || arguments.size() > function.maxArgs()) {
            String expected = function.minArgs() == function.maxArgs() ? String.valueOf(function.minArgs())
                    : function.minArgs() + " or " + function.maxArgs();
            throw FilterErrors.invalid(text(node), "Function '" + function.displayName() + "' takes " + expected
                    + " arguments, found " + arguments.size());
        }
        for (int i = 0; i < arguments.size(); i++) {
            Expr argument = arguments.get(i);
            if (!function.accepts(i, argument.type)) {
                throw FilterErrors.invalid(text(node), "Type '" + argument.type + "', expect '" + function.parameter(i)
                        + "' for argument " + (i + 1) + " of '" + function.displayName() + "'");
            }
        }
        return node;
    }

    /** Parses {@code '(' or (',' or)* ')'} (one item only unless {@code list}); the current token is the '('. */
    private List<Expr> parseParenthesised(boolean list) {
        Token open = next();
        enter(open);
        List<Expr> items = new ArrayList<>();
        items.add(parseOr());
        while (list && peek().kind() == Token.Kind.COMMA) {
            index++;
            items.add(parseOr());
        }
        Token close = next();
        if (close.kind() != Token.Kind.CLOSE) {
            throw expected(list ? "',' or ')'" : "')'", close);
        }
        depth--;
        return items;
    }

    private void enter(Token token) {
        if (++depth > MAX_DEPTH) {
            throw syntax("The filter nests deeper than " + MAX_DEPTH + " levels at position " + token.start());
        }
    }

    private int integer(Token token) {
        try {
            return Integer.parseInt(token.text());
        } catch (NumberFormatException e) {
            throw syntax("Integer " + token.text() + " at position " + token.start() + " is out of range");
        }
    }

    private void expectType(Expr expr, FilterType expected) {
        expectOperand(expr, expr, expected);
    }

    /** Fails with the service's type message, quoting {@code node}, if {@code operand} is not of the expected type. */
    private void expectOperand(Expr node, Expr operand, FilterType expected) {
        if (operand.type != expected) {
            throw FilterErrors.type(text(node), operand.type, expected);
        }
    }

    private String text(Expr node) {
        return filter.substring(node.start, node.end);
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token token = tokens.get(index);
        if (token.kind() != Token.Kind.END) {
            index++;
        }
        return token;
    }

    private IllegalArgumentException expected(String what, Token found) {
        return syntax("Expected " + what + " at position " + found.start() + ", found " + found.describe(filter));
    }

    private IllegalArgumentException syntax(String detail) {
        return FilterErrors.invalid(filter, detail);
    }
}
