package io.webpubsub.mp.impl.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;

/** Reads the wait a response asks for: {@code retry-after-ms}, {@code x-ms-retry-after-ms}, {@code Retry-After}. */
final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * @param header header lookup by name (case-insensitive)
     * @return the wait, or null when none (or none readable) was given
     */
    static Duration parse(UnaryOperator<String> header) {
        for (String name : new String[] {"retry-after-ms", "x-ms-retry-after-ms"}) {
            Duration ms = number(header.apply(name), true);
            if (ms != null) {
                return ms;
            }
        }
        String value = header.apply("Retry-After");
        Duration seconds = number(value, false);
        if (seconds != null || value == null) {
            return seconds;
        }
        try {
            Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(Instant.now(), at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration number(String value, boolean millis) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double amount = Double.parseDouble(value.trim());
            if (amount < 0 || Double.isNaN(amount) || Double.isInfinite(amount)) {
                return null;
            }
            return Duration.ofMillis((long) (millis ? amount : amount * 1000));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
