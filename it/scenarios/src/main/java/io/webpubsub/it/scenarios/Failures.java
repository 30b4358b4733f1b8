package io.webpubsub.it.scenarios;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Text of a failure, causes and suppressed exceptions included, for asserting what a runtime reported. */
public final class Failures {

    private Failures() {
    }

    /** The full stack trace text. */
    public static String text(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
