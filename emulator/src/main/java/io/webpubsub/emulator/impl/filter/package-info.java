/** Implementation, not API: the OData filter language of REST sends. */
package io.webpubsub.emulator.impl.filter;
