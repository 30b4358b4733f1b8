package io.webpubsub.emulator.impl.rest;

/** A REST failure with its status, error code ({@code x-ms-error-code}), message and target. */
final class RestException extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;
    final String target;

    RestException(int status, String code, String message, String target) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.target = target;
    }

    static RestException badRequest(String message, String target) {
        return new RestException(400, "Error.BadRequest", message, target);
    }

    static RestException connectionNotFound(String connectionId) {
        return new RestException(404, "Info.Connection.NotExisted", "Connection `" + connectionId + "` is not found.",
                "Connection");
    }
}
