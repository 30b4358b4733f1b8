"use strict";
// Client SDK connections that record what they receive, and step bookkeeping, for the scripts that check effects.
const { WebPubSubClient } = require("@azure/web-pubsub-client");
const { emit, printable, waitFor } = require("./lib.js");

/** Helpers bound to a service client (used to mint tokens and to send sentinels). */
function observers(service) {
  let sentinels = 0;

  /** A client SDK connection that records everything it receives; no auto-reconnect, no message retries. */
  async function connect(userId, tokenOptions = {}, protocol) {
    const { url } = await service.getClientAccessToken({ userId, ...tokenOptions });
    const client = new WebPubSubClient(url, { autoReconnect: false, messageRetryOptions: { maxRetries: 0 }, protocol });
    const conn = { userId, client, inbox: [], disconnects: [] };
    client.on("connected", (e) => { conn.id = e.connectionId; });
    client.on("server-message", (e) => conn.inbox.push({ from: "server", dataType: e.message.dataType, data: printable(e.message) }));
    client.on("group-message", (e) => conn.inbox.push({
      from: "group", group: e.message.group, dataType: e.message.dataType, data: printable(e.message), fromUserId: e.message.fromUserId,
    }));
    client.on("disconnected", (e) => conn.disconnects.push(e.message ? e.message.message : null));
    await client.start();
    await waitFor(`${userId} connected`, () => conn.id);
    return conn;
  }

  /**
   * Waits until every given connection received a fresh sentinel sent straight to it. Messages to one connection
   * arrive in order, so anything an earlier operation delivered has arrived by then.
   */
  async function settle(...conns) {
    const marker = `sentinel-${++sentinels}`;
    for (const conn of conns) {
      await service.sendToConnection(conn.id, marker, { contentType: "text/plain" });
    }
    for (const conn of conns) {
      await waitFor(`${marker} at ${conn.userId}`, () => conn.inbox.some((m) => m.data === marker));
    }
  }

  return { connect, settle };
}

/** The data messages a connection received since the last call (sentinels left out). */
function drain(conn) {
  const received = conn.inbox.filter((m) => !(typeof m.data === "string" && m.data.startsWith("sentinel-")));
  conn.inbox.length = 0;
  return received;
}

/** Runs one named check; a failure names the step. */
async function step(name, body) {
  try {
    await body();
  } catch (e) {
    const detail = e.errorDetail ? ` ${JSON.stringify(e.errorDetail)}` : "";
    throw new Error(`${name}: ${e.message}${detail}`);
  }
  emit("step", { name });
}

/** The error a promise rejects with; fails if it resolves. */
async function rejection(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error("expected the operation to fail, it succeeded");
}

module.exports = { observers, drain, step, rejection };
