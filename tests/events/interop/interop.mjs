// Envelope interop, Node side (docs/reference/events.md), with @bufbuild/protobuf: writes the
// cases of cases.json as envelope bytes, or reads bytes another runtime wrote
// and checks every field against cases.json. int64 fields are bigint, so
// values beyond 2^53 (9007199254740993, INT64_MIN/MAX) survive.
//
// usage: node interop.mjs write|read CASES_JSON DIR GENERATED_DIR
// GENERATED_DIR holds protoc-gen-es output (target=js, import_extension=js).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [mode, casesPath, directory, generated] = process.argv.slice(2);
const load = (path) => import(pathToFileURL(join(generated, path)).href);
const { create, toBinary, fromBinary } = await import("@bufbuild/protobuf");
const { EnvelopeSchema } = await load("cppsvc/events/envelope_pb.js");
const { AccountCreatedSchema, EmailChangedPayloadSchema } = await load("acme/user/v1/user_pb.js");

const cases = JSON.parse(readFileSync(casesPath, "utf8"));
const payloadTypes = {
  account_created: AccountCreatedSchema,
  email_changed_payload: EmailChangedPayloadSchema,
};
const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
const int64Fields = new Set(["timestamp", "credit_cents"]);
const value = (name, v) => (int64Fields.has(name) ? BigInt(v) : v);
const problems = [];

for (const c of cases) {
  const path = join(directory, `${c.file}.bin`);
  const key = Object.keys(payloadTypes).find((k) => k in c);
  const schema = payloadTypes[key];
  const fields = c[key];
  if (mode === "write") {
    const payload = create(schema);
    for (const [name, v] of Object.entries(fields)) payload[camel(name)] = value(name, v);
    const envelope = create(EnvelopeSchema);
    for (const [name, v] of Object.entries(c.envelope)) {
      if (name === "metadata") Object.assign(envelope.metadata, v);
      else envelope[camel(name)] = value(name, v);
    }
    envelope.payload = toBinary(schema, payload);
    writeFileSync(path, toBinary(EnvelopeSchema, envelope));
    continue;
  }
  const envelope = fromBinary(EnvelopeSchema, new Uint8Array(readFileSync(path)));
  const check = (where, name, want, got) => {
    const same = typeof want === "object" ? JSON.stringify(sortKeys(want)) === JSON.stringify(sortKeys(got)) : want === got;
    if (!same) problems.push(`${c.file}: ${where} ${name}: want ${show(want)}, got ${show(got)}`);
  };
  for (const [name, v] of Object.entries(c.envelope)) {
    check("envelope", name, value(name, v), name === "metadata" ? { ...envelope.metadata } : envelope[camel(name)]);
  }
  const payload = fromBinary(schema, envelope.payload);
  for (const [name, v] of Object.entries(fields)) {
    check(schema.typeName, name, value(name, v), payload[camel(name)]);
  }
}

function sortKeys(o) {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
function show(v) {
  return typeof v === "bigint" ? `${v}n` : JSON.stringify(v);
}

// run.sh copies this script next to a node_modules link to .tools/node_modules.
const here = new URL(".", import.meta.url);
const version = JSON.parse(readFileSync(new URL("node_modules/@bufbuild/protobuf/package.json", here), "utf8")).version;
if (problems.length > 0) {
  console.log(`node (@bufbuild/protobuf ${version}) disagrees:\n${problems.join("\n")}`);
  process.exit(1);
}
console.log(`node (@bufbuild/protobuf ${version}): ${mode} ${cases.length} cases`);
