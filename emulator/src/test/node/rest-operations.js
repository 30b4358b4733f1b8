"use strict";
// The JS service SDK drives the REST data plane while client SDK connections observe the effects.
// Each check prints EVENT step {name}; the first mismatch ends the script with FAIL <step>: <what differed>.
const assert = require("node:assert/strict");
const { WebPubSubServiceClient } = require("@azure/web-pubsub");
const { WebPubSubJsonProtocol } = require("@azure/web-pubsub-client");
const { required, waitFor, run } = require("./lib.js");
const { observers, drain, step, rejection } = require("./observed.js");

run(async () => {
  const hub = required("WPS_HUB");
  const service = new WebPubSubServiceClient(required("WPS_CONNECTION_STRING"), hub, { allowInsecureConnection: true });
  const { connect, settle } = observers(service);
  const alice = await connect("alice", { roles: ["webpubsub.joinLeaveGroup"] }, WebPubSubJsonProtocol());
  const bob = await connect("bob");

  await step("sendToUser", async () => {
    await service.sendToUser("alice", "to alice", { contentType: "text/plain" });
    await settle(alice, bob);
    assert.deepEqual(drain(alice), [{ from: "server", dataType: "text", data: "to alice" }]);
    assert.deepEqual(drain(bob), []);
  });

  await step("sendToConnection", async () => {
    await service.sendToConnection(bob.id, { hello: "bob" });
    await settle(alice, bob);
    assert.deepEqual(drain(bob), [{ from: "server", dataType: "json", data: { hello: "bob" } }]);
    assert.deepEqual(drain(alice), []);
  });

  await step("addUserToGroup", async () => {
    await service.group("g1").addUser("bob");
    assert.equal(await service.groupExists("g1"), true);
    await service.group("g1").sendToAll("g1 #1", { contentType: "text/plain" });
    await settle(alice, bob);
    assert.deepEqual(drain(bob), [{ from: "group", group: "g1", dataType: "text", data: "g1 #1", fromUserId: undefined }]);
    assert.deepEqual(drain(alice), []);
  });

  await step("addConnectionToGroup", async () => {
    await service.group("g1").addConnection(alice.id);
    await service.group("g1").sendToAll("g1 #2", { contentType: "text/plain" });
    await settle(alice, bob);
    assert.equal(drain(alice).map((m) => m.data).join(), "g1 #2");
    assert.equal(drain(bob).map((m) => m.data).join(), "g1 #2");
  });

  await step("listConnectionsInGroup", async () => {
    const members = [];
    for await (const member of await service.group("g1").listConnections()) {
      members.push(member);
    }
    members.sort((a, b) => a.userId.localeCompare(b.userId));
    assert.deepEqual(members.map((m) => [m.connectionId, m.userId]), [[alice.id, "alice"], [bob.id, "bob"]]);
  });

  await step("removeUserFromGroup", async () => {
    await service.group("g1").removeUser("bob");
    await service.group("g1").sendToAll("g1 #3", { contentType: "text/plain" });
    await settle(alice, bob);
    assert.equal(drain(alice).map((m) => m.data).join(), "g1 #3");
    assert.deepEqual(drain(bob), []);
  });

  await step("removeConnectionFromGroup", async () => {
    await service.group("g1").removeConnection(alice.id);
    assert.equal(await service.groupExists("g1"), false);
  });

  await step("sendToAllExcluded", async () => {
    await service.sendToAll("all but alice", { contentType: "text/plain", excludedConnections: [alice.id] });
    await service.sendToAll({ to: "all" });
    await settle(alice, bob);
    assert.deepEqual(drain(alice).map((m) => m.data), [{ to: "all" }]);
    assert.deepEqual(drain(bob).map((m) => m.data), ["all but alice", { to: "all" }]);
  });

  await step("sendToAllBinaryWithTtl", async () => {
    await service.sendToAll(Buffer.from([1, 2, 3]), { contentType: "application/octet-stream", messageTtlSeconds: 60 });
    await settle(alice, bob);
    assert.deepEqual(drain(alice), [{ from: "server", dataType: "binary", data: "AQID" }]);
    assert.deepEqual(drain(bob), [{ from: "server", dataType: "binary", data: "AQID" }]);
  });

  await step("sendToGroupPermission", async () => {
    assert.equal(await service.hasPermission(bob.id, "sendToGroup", { targetName: "g2" }), false);
    const denied = await rejection(bob.client.sendToGroup("g2", "denied", "text"));
    assert.equal(denied.name, "SendMessageError");
    assert.equal(denied.errorDetail && denied.errorDetail.name, "Forbidden");
    await service.grantPermission(bob.id, "sendToGroup", { targetName: "g2" });
    assert.equal(await service.hasPermission(bob.id, "sendToGroup", { targetName: "g2" }), true);
    assert.equal(await service.hasPermission(bob.id, "sendToGroup", { targetName: "g3" }), false);
    await alice.client.joinGroup("g2");
    await bob.client.sendToGroup("g2", "from bob", "text");
    await settle(alice);
    assert.deepEqual(drain(alice), [{ from: "group", group: "g2", dataType: "text", data: "from bob", fromUserId: "bob" }]);
    await service.revokePermission(bob.id, "sendToGroup", { targetName: "g2" });
    assert.equal(await service.hasPermission(bob.id, "sendToGroup", { targetName: "g2" }), false);
    const again = await rejection(bob.client.sendToGroup("g2", "denied again", "text"));
    assert.equal(again.errorDetail && again.errorDetail.name, "Forbidden");
  });

  await step("joinLeaveGroupPermission", async () => {
    const denied = await rejection(bob.client.joinGroup("g3"));
    assert.equal(denied.errorDetail && denied.errorDetail.name, "Forbidden");
    await service.grantPermission(bob.id, "joinLeaveGroup", { targetName: "g3" });
    assert.equal(await service.hasPermission(bob.id, "joinLeaveGroup", { targetName: "g3" }), true);
    await bob.client.joinGroup("g3");
    assert.equal(await service.groupExists("g3"), true);
  });

  await step("removeUserFromAllGroups", async () => {
    await service.removeUserFromAllGroups("alice");
    assert.equal(await service.groupExists("g2"), false);
    assert.equal(await service.groupExists("g3"), true);
  });

  await step("removeConnectionFromAllGroups", async () => {
    await service.removeConnectionFromAllGroups(bob.id);
    assert.equal(await service.groupExists("g3"), false);
  });

  await step("sendToAllFiltered", async () => {
    // were the filter ignored, the excluded message would arrive first
    await service.sendToAll("not alice", { contentType: "text/plain", filter: "userId ne 'alice'" });
    await service.sendToAll("alice only", { contentType: "text/plain", filter: "userId eq 'alice' and not('x' in groups)" });
    await settle(alice, bob);
    assert.deepEqual(drain(alice).map((m) => m.data), ["alice only"]);
    assert.deepEqual(drain(bob).map((m) => m.data), ["not alice"]);
  });

  await step("addConnectionsToGroupsFiltered", async () => {
    await service.addConnectionsToGroups(["g4", "g5"], "userId eq 'bob'");
    await service.group("g5").sendToAll("g5", { contentType: "text/plain" });
    await settle(alice, bob);
    assert.deepEqual(drain(bob).map((m) => m.data), ["g5"]);
    assert.deepEqual(drain(alice), []);
    await service.removeConnectionsFromGroups(["g4", "g5"], "startswith(userId, 'b')");
    assert.equal(await service.groupExists("g4"), false);
    assert.equal(await service.groupExists("g5"), false);
  });

  await step("invalidFilter", async () => {
    const error = await rejection(service.sendToAll("x", { contentType: "text/plain", filter: "userId eq" }));
    assert.equal(error.statusCode, 400);
    assert.equal(error.message,
      "Invalid syntax for 'userId eq': Expected an expression at position 9, found the end of the filter. (Parameter 'filter')");
  });

  await step("closeConnectionWithReason", async () => {
    await service.closeConnection(bob.id, { reason: "bye bob" });
    await waitFor("bob's disconnected event", () => bob.disconnects.length > 0);
    assert.deepEqual(bob.disconnects, ["bye bob"]);
    assert.equal(await service.connectionExists(bob.id), false);
    assert.equal(await service.userExists("bob"), false);
  });

  await step("closeUserConnections", async () => {
    await service.closeUserConnections("alice", { reason: "bye alice" });
    await waitFor("alice's disconnected event", () => alice.disconnects.length > 0);
    assert.deepEqual(alice.disconnects, ["bye alice"]);
    assert.equal(await service.userExists("alice"), false);
  });

  await step("closeGroupConnections", async () => {
    const carol = await connect("carol", { groups: ["g6"] });
    const dave = await connect("dave");
    assert.equal(await service.groupExists("g6"), true);
    await service.group("g6").closeAllConnections({ reason: "bye g6" });
    await waitFor("carol's disconnected event", () => carol.disconnects.length > 0);
    assert.deepEqual(carol.disconnects, ["bye g6"]);
    assert.equal(await service.connectionExists(dave.id), true);
    await service.closeAllConnections({ reason: "bye all" });
    await waitFor("dave's disconnected event", () => dave.disconnects.length > 0);
    assert.deepEqual(dave.disconnects, ["bye all"]);
    assert.equal(await service.connectionExists(dave.id), false);
  });
});
