"use strict";
// A WebPubSubClient (client SDK) joins a group; a server SDK sends to that group.
// WPS_SENDER=js: this script sends text and JSON with the JS service SDK.
// WPS_SENDER=external: prints EVENT ready, then waits for WPS_EXPECT group messages sent by the test.
// WPS_CLIENT_URL, if set, is a client access URL minted elsewhere (by the Java SDK); otherwise the JS SDK mints one.
const { WebPubSubServiceClient } = require("@azure/web-pubsub");
const { WebPubSubClient, WebPubSubJsonProtocol, WebPubSubJsonReliableProtocol } = require("@azure/web-pubsub-client");
const { emit, printable, required, waitFor, run } = require("./lib.js");

run(async () => {
  const hub = required("WPS_HUB");
  const group = required("WPS_GROUP");
  const sender = process.env.WPS_SENDER || "js";
  const userId = process.env.WPS_USER || "node-user";
  const service = new WebPubSubServiceClient(required("WPS_CONNECTION_STRING"), hub, { allowInsecureConnection: true });

  const url = process.env.WPS_CLIENT_URL
    || (await service.getClientAccessToken({ userId, roles: [`webpubsub.joinLeaveGroup.${group}`] })).url;
  const protocol = process.env.WPS_PROTOCOL === "json" ? WebPubSubJsonProtocol() : WebPubSubJsonReliableProtocol();
  const client = new WebPubSubClient(url, { protocol, autoReconnect: false });
  const groupMessages = [];
  const serverMessages = [];
  let connected;
  client.on("connected", (e) => {
    connected = e;
    emit("connected", { connectionId: e.connectionId, userId: e.userId });
  });
  client.on("group-message", (e) => {
    groupMessages.push(e.message);
    emit("group-message", { group: e.message.group, dataType: e.message.dataType, data: printable(e.message), fromUserId: e.message.fromUserId });
  });
  client.on("server-message", (e) => {
    serverMessages.push(e.message);
    emit("server-message", { dataType: e.message.dataType, data: printable(e.message) });
  });
  client.on("disconnected", (e) => emit("disconnected", { message: e.message }));

  await client.start();
  await waitFor("the connected event", () => connected);
  const joined = await client.joinGroup(group);
  emit("joined", { group, ackId: joined.ackId, isDuplicated: joined.isDuplicated });
  emit("exists", {
    group: await service.groupExists(group),
    user: await service.userExists(userId),
    connection: await service.connectionExists(connected.connectionId),
    otherGroup: await service.groupExists(group + "-nobody"),
  });

  if (sender === "js") {
    await service.group(group).sendToAll("hello from js", { contentType: "text/plain" });
    await service.group(group).sendToAll({ from: "js", n: 1 });
    await waitFor("2 group messages", () => groupMessages.length >= 2);
  } else {
    emit("ready", { connectionId: connected.connectionId });
    const expected = Number(process.env.WPS_EXPECT || 1);
    await waitFor(`${expected} group messages`, () => groupMessages.length >= expected, 20000);
  }
  client.stop();
});
