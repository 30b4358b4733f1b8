/** Implementation, not API: the REST data plane under /api and the test-control endpoint under /admin. */
package io.webpubsub.emulator.impl.rest;
