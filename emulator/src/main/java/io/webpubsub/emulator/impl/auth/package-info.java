/** Implementation, not API: tokens: access-key JWTs of REST calls and clients, Entra tokens, group patterns. */
package io.webpubsub.emulator.impl.auth;
