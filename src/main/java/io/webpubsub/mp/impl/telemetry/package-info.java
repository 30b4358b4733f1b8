/**
 * Implementation (not API): traces and metrics through the OpenTelemetry API, which is optional. Only
 * {@link io.webpubsub.mp.impl.telemetry.Telemetry} is used by the rest of the library; it names no OpenTelemetry
 * type, so the library loads and runs without {@code io.opentelemetry:opentelemetry-api} on the class path.
 */
package io.webpubsub.mp.impl.telemetry;
