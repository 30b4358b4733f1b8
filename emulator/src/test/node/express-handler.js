"use strict";
// An express app with WebPubSubEventHandler answers the emulator's upstream events for a client SDK connection.
// Prints EVENT listening {port}; after the test writes a line to stdin (the emulator now points at the app),
// a WebPubSubClient connects (connect/connected events), sends user events and gets the handler's replies.
// WPS_ALLOWED_ENDPOINTS=emulator restricts the abuse-protection answer to the emulator's endpoint (allowedEndpoints),
// as production handlers are configured; otherwise the handler allows any origin.
// WPS_REJECT=1 adds a user event that the handler fails with 400.
// WPS_CONNECT_STATUS=<status> makes the handler reject connect with that status; the client's start() then fails.
// WPS_SERVE_ONLY=1: no client from the script; the test connects its own and writes a second line when it is done.
const express = require("express");
const { WebPubSubEventHandler } = require("@azure/web-pubsub-express");
const { WebPubSubServiceClient } = require("@azure/web-pubsub");
const { WebPubSubClient } = require("@azure/web-pubsub-client");
const { emit, printable, required, waitFor, readLine, run } = require("./lib.js");

run(async () => {
  const hub = required("WPS_HUB");
  const connectionString = required("WPS_CONNECTION_STRING");
  const endpoint = /Endpoint=([^;]+)/i.exec(connectionString)[1];
  const seen = { connect: [], connected: [], disconnected: [], user: [], preflight: [] };

  const handler = new WebPubSubEventHandler(hub, {
    allowedEndpoints: process.env.WPS_ALLOWED_ENDPOINTS === "emulator" ? [endpoint] : undefined,
    handleConnect: (req, res) => {
      seen.connect.push(req);
      emit("handler-connect", {
        hub: req.context.hub, connectionId: req.context.connectionId, userId: req.context.userId,
        origin: req.context.origin, claims: req.claims, query: req.query, subprotocols: req.subprotocols,
        clientCertificates: req.clientCertificates, headers: req.headers,
      });
      if (process.env.WPS_CONNECT_STATUS) {
        res.fail(Number(process.env.WPS_CONNECT_STATUS), "no entry");
        return;
      }
      res.setState("greeting", "hello-state");
      res.success({ userId: "express-user", groups: ["lobby"], roles: ["webpubsub.sendToGroup.lobby"] });
    },
    onConnected: (req) => {
      seen.connected.push(req);
      emit("handler-connected", { connectionId: req.context.connectionId, userId: req.context.userId, states: req.context.states });
    },
    handleUserEvent: (req, res) => {
      seen.user.push(req);
      emit("handler-user-event", {
        eventName: req.context.eventName, dataType: req.dataType, data: req.data,
        userId: req.context.userId, states: req.context.states,
      });
      if (req.context.eventName === "reject") {
        res.fail(400, "rejected by the handler");
      } else if (req.dataType === "json") {
        res.success(JSON.stringify({ echo: req.data, state: req.context.states.greeting }), "json");
      } else {
        res.setState("count", (req.context.states.count || 0) + 1);
        res.success(`echo: ${req.data} (${req.context.states.greeting})`, "text");
      }
    },
    onDisconnected: (req) => {
      seen.disconnected.push(req);
      emit("handler-disconnected", { connectionId: req.context.connectionId, reason: req.reason });
    },
  });

  const app = express();
  app.use((req, res, next) => {
    if (req.method === "OPTIONS") {
      seen.preflight.push(req.headers);
      emit("handler-preflight", { path: req.path, origin: req.get("WebHook-Request-Origin") });
    }
    next();
  });
  app.use(handler.getMiddleware());
  app.use((req, res) => {
    emit("unhandled-request", { method: req.method, path: req.path, headers: req.headers });
    res.status(404).end();
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  emit("listening", { port: server.address().port, path: handler.path });
  await readLine();
  if (process.env.WPS_SERVE_ONLY === "1") {
    // the test drives its own client; it writes a second line when done
    await readLine();
    await waitFor("the handler's disconnected event", () => seen.disconnected.length > 0, 10000);
    server.close();
    return;
  }

  const service = new WebPubSubServiceClient(connectionString, hub, { allowInsecureConnection: true });
  const token = await service.getClientAccessToken({ userId: "token-user" });
  // no message retries: the client SDK would resend a failed event 3 times (1 s apart), hiding what the emulator did
  const client = new WebPubSubClient(token.url, { autoReconnect: false, messageRetryOptions: { maxRetries: 0 } });
  const serverMessages = [];
  const groupMessages = [];
  let connected;
  client.on("connected", (e) => {
    connected = e;
    emit("connected", { connectionId: e.connectionId, userId: e.userId });
  });
  client.on("server-message", (e) => {
    serverMessages.push(e.message);
    emit("server-message", { dataType: e.message.dataType, data: printable(e.message) });
  });
  client.on("group-message", (e) => {
    groupMessages.push(e.message);
    emit("group-message", { group: e.message.group, dataType: e.message.dataType, data: printable(e.message) });
  });

  if (process.env.WPS_CONNECT_STATUS) {
    try {
      await client.start();
      emit("start-result", { error: null });
    } catch (e) {
      emit("start-result", { error: e.name, message: e.message });
    }
    // time for connected/disconnected events that must not come
    await new Promise((resolve) => setTimeout(resolve, 500));
    server.close();
    return;
  }
  await client.start();
  await waitFor("the connected event", () => connected);
  await waitFor("the handler's connected event", () => seen.connected.length > 0);

  await client.sendEvent("echo", "ping", "text");
  await waitFor("the text reply", () => serverMessages.length >= 1);
  await client.sendEvent("echo", { n: 42 }, "json");
  await waitFor("the json reply", () => serverMessages.length >= 2);
  await client.sendEvent("echo", "again", "text");
  await waitFor("the second text reply", () => serverMessages.length >= 3);
  if (process.env.WPS_REJECT === "1") {
    try {
      await client.sendEvent("reject", "x", "text");
      emit("reject-result", { error: null });
    } catch (e) {
      emit("reject-result", { error: e.name, message: e.message, errorDetail: e.errorDetail });
    }
  }

  // the group from the connect response, and the permission from its roles
  await service.group("lobby").sendToAll("lobby message", { contentType: "text/plain" });
  await waitFor("the lobby message", () => groupMessages.length >= 1);
  const sent = await client.sendToGroup("lobby", "from client", "text", { noEcho: false });
  emit("send-to-group", { ackId: sent.ackId });
  await waitFor("the echoed group message", () => groupMessages.length >= 2);

  client.stop();
  await waitFor("the handler's disconnected event", () => seen.disconnected.length > 0, 10000);
  server.close();
});
