"use strict";
// The client SDK on the non-reliable json.webpubsub.azure.v1 protocol, with its default auto-reconnect and
// auto-rejoin: after the test cuts the relay (a line on stdin) the SDK opens a new connection, rejoins its group,
// and group messages reach it again. WPS_CLIENT_CONNECTION_STRING points at the relay.
const { WebPubSubServiceClient } = require("@azure/web-pubsub");
const { WebPubSubClient, WebPubSubJsonProtocol } = require("@azure/web-pubsub-client");
const { emit, required, waitFor, readLine, run } = require("./lib.js");

run(async () => {
  const hub = required("WPS_HUB");
  const group = "rejoin";
  const options = { allowInsecureConnection: true };
  const service = new WebPubSubServiceClient(required("WPS_CONNECTION_STRING"), hub, options);
  const viaRelay = new WebPubSubServiceClient(required("WPS_CLIENT_CONNECTION_STRING"), hub, options);
  const client = new WebPubSubClient({
    // a fresh token for every (re)connection, as the SDK's credential callback allows
    getClientAccessUrl: async () =>
      (await viaRelay.getClientAccessToken({ userId: "comeback", roles: [`webpubsub.joinLeaveGroup.${group}`] })).url,
  }, { protocol: WebPubSubJsonProtocol() });
  const received = [];
  const connections = [];
  let disconnects = 0;
  client.on("connected", (e) => connections.push(e.connectionId));
  client.on("disconnected", () => { disconnects++; });
  client.on("group-message", (e) => received.push(e.message.data));
  await client.start();
  await client.joinGroup(group);

  await service.group(group).sendToAll("before", { contentType: "text/plain" });
  await waitFor("the first message", () => received.length >= 1);
  emit("ready-to-drop", { connectionId: connections[0] });
  await readLine();
  await waitFor("a new connection", () => connections.length >= 2, 20000);
  // the rejoin is asynchronous: probe until the group reaches the new connection
  for (let i = 1; !received.some((d) => d.startsWith("probe")); i++) {
    await service.group(group).sendToAll(`probe ${i}`, { contentType: "text/plain" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (i > 100) {
      throw new Error("the group never reached the new connection");
    }
  }
  await service.group(group).sendToAll("after", { contentType: "text/plain" });
  await waitFor("the message after the rejoin", () => received.includes("after"));
  emit("result", {
    received: received.filter((d) => !d.startsWith("probe")),
    connections,
    disconnects,
    groupMembers: await (async () => {
      const members = [];
      for await (const m of await service.group(group).listConnections()) {
        members.push(m.connectionId);
      }
      return members;
    })(),
  });
  client.stop();
});
