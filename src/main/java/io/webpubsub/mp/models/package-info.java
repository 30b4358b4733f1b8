/**
 * API: the values the hub clients take and return (messages, client access options, permissions, filters, retry
 * options). A contract: changes follow semantic versioning.
 */
package io.webpubsub.mp.models;
