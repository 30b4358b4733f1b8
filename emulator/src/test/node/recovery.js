"use strict";
// The client SDK (reliable protocol, default options) survives a network failure: it connects through a relay the
// test can cut (WPS_CLIENT_CONNECTION_STRING points at the relay), receives a first batch of group messages, prints
// EVENT ready-to-drop, and after the test cut the relay (a line on stdin) a second batch is sent while it recovers.
// It must get every message exactly once, in order, on the same connection.
const { WebPubSubServiceClient } = require("@azure/web-pubsub");
const { WebPubSubClient } = require("@azure/web-pubsub-client");
const { emit, required, waitFor, readLine, run } = require("./lib.js");

run(async () => {
  const hub = required("WPS_HUB");
  const group = "recovery";
  const options = { allowInsecureConnection: true };
  const service = new WebPubSubServiceClient(required("WPS_CONNECTION_STRING"), hub, options);
  const viaRelay = new WebPubSubServiceClient(required("WPS_CLIENT_CONNECTION_STRING"), hub, options);
  const { url } = await viaRelay.getClientAccessToken({ userId: "steady", roles: [`webpubsub.joinLeaveGroup.${group}`, `webpubsub.sendToGroup.${group}`] });

  const client = new WebPubSubClient(url);
  const received = [];
  const connections = [];
  let disconnects = 0;
  client.on("connected", (e) => connections.push(e.connectionId));
  client.on("disconnected", () => { disconnects++; });
  client.on("group-message", (e) => received.push(e.message.data));
  await client.start();
  await client.joinGroup(group);

  const send = async (from, to) => {
    for (let i = from; i <= to; i++) {
      await service.group(group).sendToAll(`m${i}`, { contentType: "text/plain" });
    }
  };
  await send(1, 5);
  await waitFor("the first batch", () => received.length >= 5);
  emit("ready-to-drop", { connectionId: connections[0] });
  await readLine();
  await send(6, 10);
  await waitFor("the second batch", () => received.length >= 10, 25000);
  // time for duplicates, if any, to show up
  await new Promise((resolve) => setTimeout(resolve, 300));
  const sent = await client.sendToGroup(group, "after recovery", "text");
  await waitFor("the echo of the message sent after recovery", () => received.length >= 11);
  emit("result", { received, connections, disconnects, ackId: sent.ackId, isDuplicated: sent.isDuplicated });
  client.stop();
});
