"use strict";
// Shared plumbing of the compat scripts. Each script prints one line per observation,
// "EVENT <json>", then "DONE" on success or "FAIL <reason>" on failure, and always exits:
// a hard timeout ends the process even when an SDK keeps sockets or timers alive.

const timeoutMs = Number(process.env.WPS_TIMEOUT_MS || 30000);

function emit(event, fields) {
  process.stdout.write("EVENT " + JSON.stringify({ event, ...fields }) + "\n");
}

/** A received message's data as JSON can show it: binary (an ArrayBuffer) as base64. */
function printable(message) {
  return message.dataType === "binary" ? Buffer.from(message.data).toString("base64") : message.data;
}

function finish(code, line) {
  process.stdout.write(line + "\n", () => process.exit(code));
  setTimeout(() => process.exit(code), 1000);
}

function fail(reason) {
  let text = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  if (reason && reason.errorDetail) {
    text += " " + JSON.stringify(reason.errorDetail);
  }
  finish(1, "FAIL " + text.replace(/\s+/g, " "));
}

function done() {
  finish(0, "DONE");
}

function required(name) {
  const value = process.env[name];
  if (!value) {
    fail(`environment variable ${name} is not set`);
    throw new Error(`missing ${name}`);
  }
  return value;
}

/** Resolves with the first value for which predicate(values) is true, or rejects after ms. */
function waitFor(what, probe, ms = 15000) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const value = probe();
      if (value) {
        resolve(value);
      } else if (Date.now() - started > ms) {
        reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      } else {
        setTimeout(tick, 20);
      }
    };
    tick();
  });
}

let stdinBuffer = "";

/** Resolves with the next line the driving test writes to stdin. */
function readLine() {
  return new Promise((resolve) => {
    const take = () => {
      const end = stdinBuffer.indexOf("\n");
      if (end < 0) {
        return false;
      }
      const line = stdinBuffer.slice(0, end).trim();
      stdinBuffer = stdinBuffer.slice(end + 1);
      process.stdin.off("data", onData);
      process.stdin.pause();
      resolve(line);
      return true;
    };
    const onData = (chunk) => {
      stdinBuffer += chunk;
      take();
    };
    process.stdin.setEncoding("utf8");
    process.stdin.on("data", onData);
    if (!take()) {
      process.stdin.resume();
    }
  });
}

function run(main) {
  setTimeout(() => fail(`hard timeout of ${timeoutMs} ms reached`), timeoutMs);
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
  main().then(done, fail);
}

module.exports = { emit, printable, fail, required, waitFor, readLine, run };
