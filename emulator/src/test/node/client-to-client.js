"use strict";
// Two client SDK connections publish to each other through the emulator (json.webpubsub.azure.v1 and the reliable
// protocol): echo and noEcho, every data type, fire-and-forget, ackId de-duplication, leaving, permissions, and an
// event no handler takes. Each check prints EVENT step {name}; the first mismatch ends with FAIL <step>: <detail>.
const assert = require("node:assert/strict");
const { WebPubSubServiceClient } = require("@azure/web-pubsub");
const { WebPubSubJsonProtocol } = require("@azure/web-pubsub-client");
const { required, run } = require("./lib.js");
const { observers, drain, step, rejection } = require("./observed.js");

run(async () => {
  const service = new WebPubSubServiceClient(required("WPS_CONNECTION_STRING"), required("WPS_HUB"),
    { allowInsecureConnection: true });
  const { connect, settle } = observers(service);
  const room = "room";
  const alice = await connect("alice", { roles: ["webpubsub.joinLeaveGroup", `webpubsub.sendToGroup.${room}`] });
  const bob = await connect("bob", { roles: [`webpubsub.joinLeaveGroup.${room}`] }, WebPubSubJsonProtocol());
  await alice.client.joinGroup(room);
  await bob.client.joinGroup(room);
  const fromAlice = (dataType, data) => ({ from: "group", group: room, dataType, data, fromUserId: "alice" });

  await step("sendToGroupWithEcho", async () => {
    const result = await alice.client.sendToGroup(room, "hi all", "text");
    assert.equal(result.isDuplicated, false);
    assert.equal(typeof result.ackId, "number");
    await settle(alice, bob);
    assert.deepEqual(drain(alice), [fromAlice("text", "hi all")]);
    assert.deepEqual(drain(bob), [fromAlice("text", "hi all")]);
  });

  await step("sendToGroupNoEcho", async () => {
    await alice.client.sendToGroup(room, { n: 1, list: [true, null] }, "json", { noEcho: true });
    await settle(alice, bob);
    assert.deepEqual(drain(alice), []);
    assert.deepEqual(drain(bob), [fromAlice("json", { n: 1, list: [true, null] })]);
  });

  await step("sendToGroupBinary", async () => {
    await alice.client.sendToGroup(room, new Uint8Array([0, 255, 7]).buffer, "binary", { noEcho: true });
    await settle(bob);
    assert.deepEqual(drain(bob), [fromAlice("binary", "AP8H")]);
  });

  await step("sendToGroupFireAndForget", async () => {
    const result = await alice.client.sendToGroup(room, "no ack", "text", { fireAndForget: true, noEcho: true });
    assert.equal(result.ackId, undefined);
    await settle(bob);
    assert.deepEqual(drain(bob), [fromAlice("text", "no ack")]);
  });

  await step("ackIdDeduplication", async () => {
    const first = await alice.client.sendToGroup(room, "once", "text", { ackId: 1000, noEcho: true });
    const second = await alice.client.sendToGroup(room, "once", "text", { ackId: 1000, noEcho: true });
    assert.deepEqual([first.isDuplicated, second.isDuplicated], [false, true]);
    await settle(bob);
    assert.deepEqual(drain(bob), [fromAlice("text", "once")]);
  });

  await step("sendToGroupForbidden", async () => {
    const denied = await rejection(bob.client.sendToGroup(room, "may not", "text"));
    assert.equal(denied.name, "SendMessageError");
    assert.equal(denied.errorDetail && denied.errorDetail.name, "Forbidden");
    await settle(alice);
    assert.deepEqual(drain(alice), []);
  });

  await step("joinGroupForbiddenOutsideTheRole", async () => {
    const denied = await rejection(bob.client.joinGroup("elsewhere"));
    assert.equal(denied.errorDetail && denied.errorDetail.name, "Forbidden");
    assert.equal(await service.groupExists("elsewhere"), false);
  });

  await step("leaveGroup", async () => {
    await bob.client.leaveGroup(room);
    await alice.client.sendToGroup(room, "bob left", "text");
    await settle(alice, bob);
    assert.deepEqual(drain(alice), [fromAlice("text", "bob left")]);
    assert.deepEqual(drain(bob), []);
  });

  await step("eventWithoutHandler", async () => {
    // no event handler is configured: the emulator answers with an error ack and keeps the connection
    const failed = await rejection(alice.client.sendEvent("nobody", "hello?", "text"));
    assert.equal(failed.name, "SendMessageError");
    assert.equal(failed.errorDetail && failed.errorDetail.name, "InternalServerError");
    assert.equal(await service.connectionExists(alice.id), true);
  });

  alice.client.stop();
  bob.client.stop();
});
