package io.webpubsub.mp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * Names the Azure Web PubSub hub a bean belongs to.
 *
 * <p>On an injection point it selects the client of that hub:
 * <pre>{@code
 * @Inject @WebPubSubHub("chat") WebPubSubHubClient chat;
 * }</pre>
 * On an upstream event handler bean or observer it selects the hub whose events the bean receives.
 *
 * <p>The value is binding: every hub gets its own beans. Hub names follow the service's rule
 * {@code ^[A-Za-z][A-Za-z0-9_`,.\[\]]{0,127}$} and are case-insensitive at the service; an invalid name fails
 * the deployment, naming the injection point.
 *
 * @since 0.1.0
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface WebPubSubHub {

    /**
     * The hub name, as used in the service's REST paths and in the {@code azure.webpubsub.hubs.<hub>.*}
     * configuration keys.
     *
     * @return the hub name; never empty
     */
    String value();

    /**
     * An instance of {@link WebPubSubHub}, for programmatic lookup such as
     * {@code CDI.current().select(WebPubSubHubClient.class, WebPubSubHub.Literal.of("chat"))}.
     *
     * @since 0.1.0
     */
    final class Literal extends AnnotationLiteral<WebPubSubHub> implements WebPubSubHub {

        private static final long serialVersionUID = 1L;

        /** The hub name. */
        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        /**
         * Creates the qualifier for a hub.
         *
         * @param hub the hub name
         * @return the qualifier instance
         * @throws NullPointerException if {@code hub} is null
         */
        public static Literal of(String hub) {
            return new Literal(Objects.requireNonNull(hub, "hub"));
        }

        @Override
        public String value() {
            return value;
        }
    }
}
