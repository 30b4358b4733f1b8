package io.webpubsub.it.scenarios;

import java.net.URI;

/**
 * What a runtime module supplies to the scenarios: where its deployment of the app answers.
 * Each runtime module has one thin test class implementing this and the scenario interfaces.
 */
public interface Deployed {

    /** The app's base URI, ending with {@code /}. */
    URI appUri();
}
