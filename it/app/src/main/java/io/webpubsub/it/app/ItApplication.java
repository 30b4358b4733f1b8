package io.webpubsub.it.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Activates Jakarta REST for the app's resources (and the library's event endpoint) at the context root. */
@ApplicationPath("/")
public class ItApplication extends Application {
}
