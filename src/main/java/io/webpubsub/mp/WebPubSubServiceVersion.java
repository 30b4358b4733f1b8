package io.webpubsub.mp;

import java.util.Locale;

/**
 * The data-plane REST API versions ({@code api-version}) this library can speak.
 *
 * <p>Every request carries the selected version as its {@code api-version} query parameter. The default is
 * {@link #getLatest()}, {@link #V2024_12_01}. Older versions lack operations: list-connections-in-group needs
 * 2024-12-01, the bulk group operations and MQTT client tokens need 2024-01-01; the service rejects what the
 * selected version does not know. Configured with {@code azure.webpubsub.service-version} (for example
 * {@code 2024-01-01}) or {@link WebPubSubClientBuilder#serviceVersion(WebPubSubServiceVersion)}.
 *
 * @since 0.1.0
 */
public enum WebPubSubServiceVersion {

    /** {@code 2021-10-01}, the first stable version. */
    V2021_10_01("2021-10-01"),
    /** {@code 2022-11-01}: filters, groups in client tokens, remove-from-all-groups. */
    V2022_11_01("2022-11-01"),
    /** {@code 2023-07-01}: message TTL. */
    V2023_07_01("2023-07-01"),
    /** {@code 2024-01-01}: add/remove connections to/from groups by filter, MQTT client tokens. */
    V2024_01_01("2024-01-01"),
    /** {@code 2024-12-01}: list connections in a group. The latest stable version and the default. */
    V2024_12_01("2024-12-01");

    private final String version;

    WebPubSubServiceVersion(String version) {
        this.version = version;
    }

    /**
     * The value sent as {@code api-version}.
     *
     * @return the version string, e.g. {@code 2024-12-01}
     */
    public String getVersion() {
        return version;
    }

    /**
     * The latest stable version, used when none is configured.
     *
     * @return {@link #V2024_12_01}
     */
    public static WebPubSubServiceVersion getLatest() {
        return V2024_12_01;
    }

    /**
     * Finds the constant for an {@code api-version} string.
     *
     * @param version the version as the service spells it, e.g. {@code 2024-12-01} (surrounding blanks ignored)
     * @return the constant
     * @throws IllegalArgumentException if the version is not one of the supported stable versions; the message
     *         lists them
     * @throws NullPointerException if {@code version} is null
     */
    public static WebPubSubServiceVersion fromString(String version) {
        String wanted = version.trim().toLowerCase(Locale.ROOT);
        for (WebPubSubServiceVersion v : values()) {
            if (v.version.equals(wanted)) {
                return v;
            }
        }
        throw new IllegalArgumentException("Unsupported service version '" + version + "': use one of "
                + "2021-10-01, 2022-11-01, 2023-07-01, 2024-01-01, 2024-12-01");
    }

    @Override
    public String toString() {
        return version;
    }
}
