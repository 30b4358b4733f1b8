package io.webpubsub.mp.impl.telemetry;

import io.opentelemetry.api.common.AttributeKey;

/** Instrumentation scope, attribute, span and instrument names; the README lists them for operators. */
final class Names {

    static final String SCOPE = "io.webpubsub.mp";
    /** Azure SDK convention: the resource provider namespace of the service. */
    static final String NAMESPACE = "Microsoft.SignalRService";

    static final AttributeKey<String> AZ_NAMESPACE = AttributeKey.stringKey("az.namespace");
    static final AttributeKey<String> HUB = AttributeKey.stringKey("webpubsub.hub");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("webpubsub.operation");
    static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("webpubsub.attempts");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("webpubsub.outcome");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("webpubsub.event.type");
    static final AttributeKey<String> CONNECTION_ID = AttributeKey.stringKey("webpubsub.connection.id");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> CE_ID = AttributeKey.stringKey("cloudevents.event_id");
    static final AttributeKey<String> CE_TYPE = AttributeKey.stringKey("cloudevents.event_type");
    static final AttributeKey<String> CE_SOURCE = AttributeKey.stringKey("cloudevents.event_source");

    static final String OPERATION_DURATION = "webpubsub.client.operation.duration";
    static final String RETRIES = "webpubsub.client.retries";
    static final String DELIVERY_UNKNOWN = "webpubsub.client.delivery_unknown";
    static final String UPSTREAM_EVENTS = "webpubsub.upstream.events";
    static final String SIGNATURES_REJECTED = "webpubsub.upstream.signatures.rejected";

    static final String SUCCESS = "success";
    static final String FAILURE = "failure";
    static final String DELIVERY_UNKNOWN_OUTCOME = "delivery_unknown";
    static final String CANCELLED = "cancelled";
    static final String REJECTED = "rejected";
    /** The OpenTelemetry value for a value outside the known set (unknown hubs and event types in metrics). */
    static final String OTHER = "_OTHER";

    private Names() {
    }
}
