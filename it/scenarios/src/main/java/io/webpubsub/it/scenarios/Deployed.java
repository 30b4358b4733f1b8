package io.webpubsub.it.scenarios;

import java.net.URI;

/**
 * What a runtime module supplies to the scenarios: where its deployment of the app answers. Each runtime module
 * has one thin test class implementing this and the scenario interfaces.
 */
public interface Deployed {

    /** The app's base URI, ending with {@code /}. */
    URI appUri();

    /** The app, as its HTTP API. */
    default AppClient app() {
        return new AppClient(appUri());
    }

    /** The Web PubSub service the app talks to: the emulator of this test run, or a real resource (opt-in). */
    default ServiceUnderTest service() {
        return ServiceUnderTest.current();
    }
}
