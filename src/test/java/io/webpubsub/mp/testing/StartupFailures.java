package io.webpubsub.mp.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.junit.jupiter.api.function.Executable;

/** The library's one start-up check failure, as a container reports it (Weld wraps it in an ObserverException). */
public final class StartupFailures {

    /** The start of the check's message; one {@code " - "} line per problem follows. */
    public static final String HEADER = "Invalid Web PubSub configuration:\n - ";

    private StartupFailures() {
    }

    /**
     * @param boot starts a container
     * @return the check's exception, found in the cause chain of what the start threw
     */
    public static DeploymentException failure(Executable boot) {
        Throwable thrown = assertThrows(Exception.class, boot);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof DeploymentException d && d.getMessage() != null && d.getMessage().startsWith(HEADER)) {
                return d;
            }
        }
        return fail("not the start-up check's failure", thrown);
    }

    /**
     * @param e the check's exception
     * @return its problems, one per line, in order
     */
    public static List<String> problems(DeploymentException e) {
        return List.of(e.getMessage().substring(HEADER.length()).split("\n - "));
    }
}
