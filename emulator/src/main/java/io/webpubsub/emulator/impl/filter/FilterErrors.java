package io.webpubsub.emulator.impl.filter;

/**
 * Builds the error messages, in the service's format {@code Invalid syntax for '<expr>': <detail>. (Parameter
 * 'filter')}.
 */
final class FilterErrors {

    private FilterErrors() {
    }

    static IllegalArgumentException invalid(String expression, String detail) {
        return new IllegalArgumentException(
                "Invalid syntax for '" + expression + "': " + detail + ". (Parameter 'filter')");
    }

    static IllegalArgumentException type(String expression, FilterType actual, FilterType expected) {
        return invalid(expression, "Type '" + actual + "', expect '" + expected + "'");
    }
}
