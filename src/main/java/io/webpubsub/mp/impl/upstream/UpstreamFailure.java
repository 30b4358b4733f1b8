package io.webpubsub.mp.impl.upstream;

/**
 * A request the endpoint refuses before any bean is called: the status and the reason sent back as text. Reasons
 * name headers, keys and hubs, never a secret or a signature.
 */
final class UpstreamFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_ECHO = 100;

    private final int status;

    UpstreamFailure(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static UpstreamFailure badRequest(String reason) {
        return new UpstreamFailure(400, reason);
    }

    /** Quotes a value taken from the request, shortened so that a reason never grows with the request. */
    static String echo(String value) {
        String shown = value.length() > MAX_ECHO ? value.substring(0, MAX_ECHO) + "…" : value;
        return "'" + shown + "'";
    }
}
