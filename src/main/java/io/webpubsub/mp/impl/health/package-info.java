/**
 * Implementation (not a contract): the MicroProfile Health readiness check of each injected hub, registered only
 * when the MicroProfile Health API is present.
 */
package io.webpubsub.mp.impl.health;
