package io.webpubsub.mp.impl.upstream;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what the library logs (System.Logger goes to java.util.logging), to assert on it. */
final class LogCapture extends Handler {

    private static final Logger LOGGER = Logger.getLogger("io.webpubsub.mp.upstream");

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Level previous = LOGGER.getLevel();

    static LogCapture start() {
        LogCapture capture = new LogCapture();
        LOGGER.setLevel(Level.ALL);
        LOGGER.addHandler(capture);
        return capture;
    }

    void stop() {
        LOGGER.removeHandler(this);
        LOGGER.setLevel(previous);
    }

    List<String> messages(Level level) {
        return records.stream().filter(r -> r.getLevel().equals(level)).map(LogRecord::getMessage).toList();
    }

    /** Every record, with its stack trace, must be free of the secrets. */
    void assertNoSecret(String... secrets) {
        for (LogRecord record : records) {
            StringWriter text = new StringWriter();
            text.append(record.getMessage());
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(text));
            }
            for (String secret : secrets) {
                assertFalse(text.toString().toLowerCase().contains(secret.toLowerCase()),
                        "a log record carries a secret: " + record.getMessage());
            }
        }
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
