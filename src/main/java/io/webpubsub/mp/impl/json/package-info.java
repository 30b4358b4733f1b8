/**
 * Implementation, not API: the library's one JSON codec (JSON-P based), shared by the REST side and the upstream
 * event endpoint. May change without notice.
 */
package io.webpubsub.mp.impl.json;
