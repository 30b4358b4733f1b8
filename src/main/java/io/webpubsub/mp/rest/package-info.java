/**
 * API: the typed MicroProfile REST Client interface over the whole Web PubSub data-plane REST API (2024-12-01), for
 * operations the hub clients do not wrap. A contract: changes follow semantic versioning.
 */
package io.webpubsub.mp.rest;
