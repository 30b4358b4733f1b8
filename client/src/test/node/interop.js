"use strict";
// The official client in a group with the Java client. Protocol on stdout, one line each:
//   READY <connectionId>            connected and joined
//   GOT <json>                      a group message: {dataType, data (binary as base64), fromUserId}
//   SENT                            the three messages the Java client expects were acknowledged
//   FAIL <reason>
// On stdin "send" makes it publish text, JSON and binary; "stop" ends it. A timer ends it in any case.
const { WebPubSubClient } = require("@azure/web-pubsub-client");
const readline = require("node:readline");

const url = process.env.WPS_URL;
const group = process.env.WPS_GROUP;
const say = (line) => process.stdout.write(line + "\n");
const end = (code) => setTimeout(() => process.exit(code), 100);
setTimeout(() => { say("FAIL timeout"); end(1); }, Number(process.env.WPS_TIMEOUT_MS || 60000));

async function main() {
  const client = new WebPubSubClient(url);
  client.on("group-message", (e) => {
    const m = e.message;
    const data = m.dataType === "binary" ? Buffer.from(m.data).toString("base64") : m.data;
    say("GOT " + JSON.stringify({ dataType: m.dataType, data, fromUserId: m.fromUserId }));
  });
  const connected = new Promise((resolve) => client.on("connected", (e) => resolve(e.connectionId)));
  await client.start();
  const id = await connected;
  await client.joinGroup(group);
  say("READY " + id);
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (line === "send") {
      await client.sendToGroup(group, "hello from js", "text", { noEcho: true });
      await client.sendToGroup(group, { from: "js", n: [1, 2] }, "json", { noEcho: true });
      await client.sendToGroup(group, new Uint8Array([1, 2, 254]).buffer, "binary", { noEcho: true });
      say("SENT");
    } else if (line === "stop") {
      client.stop();
      end(0);
      return;
    }
  }
}

main().catch((e) => { say("FAIL " + String(e && e.message || e).replace(/\s+/g, " ")); end(1); });
