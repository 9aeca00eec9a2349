#!/usr/bin/env python3
"""Writes a synthetic, valid proto tree for measuring protoc-gen-cpp-svc.

    scripts/synthetic-tree.py --domains N --out DIR

gives N domains `acme<i>.things`, each with versions v1, v2, v3 and private
(DIR/acme<i>/things/<version>/things.proto, ~20 messages a file), using every
feature the plugin supports: validation rules of all kinds (required, min/max
on strings, ints, uints and doubles, is UUID/EMAIL/URL, in on strings, ints
and enums), enum value delegates and receive sets, a renamed enum, renamed
fields (twice) and a renamed message, deprecated fields (also nested) carried
to private, deprecated messages, oneofs with scalar and message members
(matched by name and by counterpart type), repeated and map fields, proto3
optional, nested messages and enums, google.protobuf.Timestamp/Empty, and a
service of unary RPCs (one renamed by a method delegate, one deprecated, one
on google.protobuf.Empty).

Compile with: protoc -I DIR -I <repo>/proto --cpp_out=... --cpp-svc_out=...
Prints "<files> files, <messages> messages" (messages include nested ones).
Python 3 standard library only.
"""

import argparse
import os
import sys

VERSIONS = ["v1", "v2", "v3", "private"]


def rule(**kw):
    """A `(gen.svc.field).validate = {...}` option body."""
    parts = []
    if kw.get("required"):
        parts.append("required: true")
    for bound in ("min", "max"):
        if bound in kw:
            kind, value = kw[bound]
            parts.append(f"{bound}: {{ {kind}: {value} }}")
    if "is_" in kw:
        parts.append(f"is: {kw['is_']}")
    if "in_" in kw:
        values = ", ".join(f'"{v}"' for v in kw["in_"])
        parts.append(f"in: [ {values} ]")
    return "validate: { " + ", ".join(parts) + " }"


def field(type_, name, number, *options, indent="  "):
    """A field line; options are bodies of `(gen.svc.field) = {...}`."""
    opts = [o for o in options if o]
    if not opts:
        return f"{indent}{type_} {name} = {number};"
    return f"{indent}{type_} {name} = {number} [(gen.svc.field) = {{ {' '.join(opts)} }}];"


def delegate(name):
    return f'delegate: {{ name: "{name}" }}'


DEPRECATED = "deprecated: true"
RECEIVE_REQUIRED = "receive: { required: true }"


def things_proto(domain, version):
    """The text of DIR/<domain>/things/<version>/things.proto."""
    n = VERSIONS.index(version) + 1  # 1, 2, 3, 4 (private)
    private = version == "private"
    latest_public = version == "v3"
    package = f"{domain}.things.{version}"
    out = []
    w = out.append

    w(f"// Synthetic tree for the generator-speed measurement: {package}.")
    w("// Written by scripts/synthetic-tree.py; do not edit.")
    w('syntax = "proto3";')
    w("")
    w(f"package {package};")
    w("")
    w('import "gen/svc/annotations.proto";')
    if latest_public:
        w('import "google/protobuf/empty.proto";')
    w('import "google/protobuf/timestamp.proto";')
    w("")

    # ---- Service -------------------------------------------------------------
    w("service Things {")
    w("  rpc CreateThing(CreateThingRequest) returns (CreateThingResponse);")
    if n == 1:
        w("  rpc GetThing(GetThingRequest) returns (GetThingResponse);")
    elif n == 2:
        w("  // Served by FetchThing from v3 on.")
        w("  rpc GetThing(GetThingRequest) returns (GetThingResponse) {")
        w('    option (gen.svc.method).delegate.name = "FetchThing";')
        w("  }")
    else:
        w("  rpc FetchThing(GetThingRequest) returns (GetThingResponse);")
    w("  rpc UpdateThing(UpdateThingRequest) returns (UpdateThingResponse);")
    w("  rpc DeleteThing(DeleteThingRequest) returns (DeleteThingResponse);")
    if n == 1:
        w("  // Dropped in v2; v1 clients still reach private.")
        w("  rpc ListThings(ListThingsRequest) returns (ListThingsResponse) {")
        w("    option (gen.svc.method).deprecated = true;")
        w("  }")
    if private:
        w("  rpc ListThings(ListThingsRequest) returns (ListThingsResponse);")
    if n >= 2:
        w("  rpc CountThings(CountThingsRequest) returns (CountThingsResponse);")
    if latest_public:
        w("  rpc Ping(google.protobuf.Empty) returns (google.protobuf.Empty);")
    if private:
        w("  rpc Ping(PingRequest) returns (PingResponse);")
    w("}")
    w("")

    # ---- Enums -----------------------------------------------------------------
    # Status: v1 ACTIVE became ENABLED and PROVISIONAL in v2 (both read back as
    # ACTIVE); v3's STATUS_UNSPECIFIED is private's STATUS_UNDEFINED.
    w("enum Status {")
    if n == 1:
        w("  STATUS_UNSPECIFIED = 0;")
        w("  ACTIVE = 1 [(gen.svc.enum_value) = {")
        w('    delegate: { name: "ENABLED" }')
        w('    receive: { names: [ "ENABLED", "PROVISIONAL" ] }')
        w("  }];")
        w("  INACTIVE = 2;")
        w("  ARCHIVED = 3;")
    else:
        if n == 3:
            w('  STATUS_UNSPECIFIED = 0 [(gen.svc.enum_value).delegate.name = "STATUS_UNDEFINED"];')
        elif private:
            w("  STATUS_UNDEFINED = 0;")
        else:
            w("  STATUS_UNSPECIFIED = 0;")
        w("  ENABLED = 1;")
        w("  PROVISIONAL = 2;")
        w("  INACTIVE = 3;")
        w("  ARCHIVED = 4;")
    w("}")
    w("")
    # Tier (v1) was renamed Level in v2; v1 PRO receives PRO and ENTERPRISE.
    tier = "Tier" if n == 1 else "Level"
    if n == 1:
        w("// Renamed to Level in v2.")
        w("enum Tier {")
        w('  option (gen.svc.enum).delegate.name = "Level";')
        w("  TIER_UNSPECIFIED = 0;")
        w("  FREE = 1;")
        w('  PRO = 2 [(gen.svc.enum_value).receive = { name: "PRO" names: [ "ENTERPRISE" ] }];')
    else:
        w("enum Level {")
        w("  TIER_UNSPECIFIED = 0;")
        w("  FREE = 1;")
        w("  PRO = 2;")
        w("  ENTERPRISE = 3;")
    w("}")
    w("")

    enabled = "ACTIVE" if n == 1 else "ENABLED"

    # ---- Thing, the entity -------------------------------------------------------
    gadget = "Gadget" if n == 1 else "Widget"
    w("message Thing {")
    w("  message Meta {")
    w(field("string", "owner", 1, rule(is_="EMAIL"), indent="    "))
    w(field("int32", "revision", 2, rule(min=("int64", 0), max=("int64", 1000000)), indent="    "))
    if n == 1 or private:
        w(field("bool", "legacy_flag", 3, DEPRECATED if n == 1 else "", indent="    "))
    w(field("google.protobuf.Timestamp", "touched_at", 4, indent="    "))
    w("  }")
    w("")
    w(field("string", "id", 1, rule(required=True, is_="UUID"), RECEIVE_REQUIRED if n == 1 else ""))
    w(field("string", "name", 2, rule(required=True, min=("int64", 2), max=("int64", 64))))
    if n == 1:
        w("  // Renamed twice: heading in v2, caption from v3 on.")
        w(field("string", "title", 3, delegate("heading")))
    elif n == 2:
        w(field("string", "heading", 3, delegate("caption")))
    else:
        w(field("string", "caption", 3))
    statuses = ["ACTIVE", "INACTIVE"] if n == 1 else ["ENABLED", "PROVISIONAL", "INACTIVE"]
    w(field("Status", "status", 4, rule(in_=statuses)))
    w(field(tier, "tier", 5))
    w(field("repeated string", "tags", 6, rule(max=("int64", 32))))
    w(field("map<string, string>", "labels", 7, rule(min=("int64", 1))))
    w(field("map<string, Attr>", "attrs", 8))
    w(field("google.protobuf.Timestamp", "created_at", 9))
    w(field("optional int32", "priority", 10, rule(min=("int64", 1), max=("int64", 5))))
    w("  oneof payload {")
    w("    option (gen.svc.oneof).validate.required = true;")
    w(field("string", "text", 11, rule(min=("int64", 1), max=("int64", 256)), indent="    "))
    w(field("int64", "number", 12, rule(min=("int64", -100), max=("int64", 100)), indent="    "))
    # Matched by the counterpart of its type: gadget (Gadget) -> widget (Widget).
    w(field(gadget, "gadget" if n == 1 else "widget", 13, indent="    "))
    w("  }")
    w(field("Meta", "meta", 14))
    w(field("repeated Part", "parts", 15))
    w(field("double", "score", 16, rule(min=("double", 0.0), max=("double", 1.0))))
    w(field("uint64", "size", 17, rule(max=("uint64", 1099511627776))))
    w(field("bool", "pinned", 18))
    w(field("bytes", "blob", 19))
    w(field("Address", "address", 20))
    w(field("Money", "price", 21))
    if n == 1 or private:
        w(field("string", "legacy_code", 22, DEPRECATED if n == 1 else ""))
    if n == 2 or private:
        w(field("int32", "old_rank", 23, DEPRECATED if n == 2 else ""))
    if n >= 2:
        w(field("google.protobuf.Timestamp", "updated_at", 24))
    w("}")
    w("")

    # ---- Value types -------------------------------------------------------------
    w("message Attr {")
    w(field("string", "key", 1, rule(required=True)))
    w(field("string", "value", 2, rule(max=("int64", 128))))
    w("}")
    w("")
    if n == 1:
        w("// Renamed to Widget in v2.")
        w("message Gadget {")
        w('  option (gen.svc.message).delegate.name = "Widget";')
    else:
        w("message Widget {")
    w(field("string", "serial", 1, rule(required=True, is_="UUID")))
    w(field("string", "homepage", 2, rule(is_="URL")))
    w(field("float", "weight", 3, rule(min=("double", 0.5), max=("int64", 1000))))
    w(field("bytes", "fingerprint", 4, rule(is_="UUID")))
    w("}")
    w("")
    w("message Part {")
    w("  enum Kind {")
    w("    KIND_UNSPECIFIED = 0;")
    w("    BOLT = 1;")
    w("    NUT = 2;")
    w("    GEAR = 3;")
    w("  }")
    w(field("Kind", "kind", 1, rule(required=True, in_=["BOLT", "GEAR"])))
    w(field("uint32", "quantity", 2, rule(min=("uint64", 1), max=("uint64", 10000))))
    w(field("sint32" if n == 1 else "int32", "offset", 3, rule(min=("int64", -10), max=("int64", 10))))
    w(field("fixed64", "code", 4, rule(min=("int64", 1))))
    w(field("repeated Kind", "alternatives", 5))
    w("}")
    w("")
    w("message Address {")
    w(field("string", "street", 1, rule(required=True, max=("int64", 128))))
    w(field("string", "city", 2))
    w(field("string", "region", 3, rule(in_=["east", "west", "north", "south"])))
    w(field("string", "postal_code", 4, rule(min=("int64", 3), max=("int64", 10))))
    w(field("string", "url", 5, rule(is_="URL")))
    w("}")
    w("")
    w("message Contact {")
    w(field("string", "email", 1, rule(required=True, is_="EMAIL")))
    w("  oneof channel {")
    w(field("string", "phone", 2, rule(min=("int64", 7)), indent="    "))
    w(field("Address", "postal", 3, indent="    "))
    w("  }")
    w(field("repeated string", "aliases", 4, rule(is_="EMAIL")))
    w("}")
    w("")
    w("message Money {")
    w(field("string", "currency", 1, rule(required=True, in_=["USD", "EUR", "GBP"])))
    w(field("int64", "units", 2, rule(min=("int64", -1000000000000), max=("int64", 1000000000000))))
    w(field("int32", "nanos", 3, rule(min=("int64", -999999999), max=("int64", 999999999))))
    w("}")
    w("")
    w("message Range {")
    w(field("uint32", "lo", 1, rule(min=("uint64", 1))))
    w(field("uint32", "hi", 2, rule(max=("uint64", 1000))))
    w(field("double", "ratio", 3, rule(min=("double", -1.5), max=("double", 1.5))))
    w(field("sfixed32", "step", 4, rule(in_=["1", "2", "5"])))
    w(field("uint64", "budget", 5, rule(in_=["100", "1000"])))
    w("}")
    w("")
    w("message Filter {")
    w(field("repeated Status", "statuses", 1, rule(in_=[enabled, "INACTIVE"])))
    w(field("int32", "limit", 2, rule(in_=["10", "20", "50"])))
    w(field("Range", "range", 3))
    w(field("map<string, int64>", "minimums", 4, rule(min=("int64", 0))))
    w(field(tier, "tier", 5, rule(in_=["FREE", "PRO"])))
    w(field("bool", "include_archived", 6))
    w(field("optional string", "query", 7, rule(min=("int64", 1), max=("int64", 100))))
    w("}")
    w("")
    w("message Page {")
    w(field("string", "cursor", 1, rule(max=("int64", 64))))
    w(field("uint32", "size", 2, rule(max=("uint64", 100))))
    w("}")
    w("")

    # ---- Requests and responses --------------------------------------------------
    w("message CreateThingRequest {")
    w(field("Thing", "thing", 1, rule(required=True)))
    w(field("string", "request_id", 2, rule(required=True, is_="UUID")))
    w(field("Contact", "contact", 3))
    w("}")
    w("")
    w("message CreateThingResponse {")
    w(field("Thing", "thing", 1))
    w("}")
    w("")
    w("message GetThingRequest {")
    w(field("string", "id", 1, rule(required=True, is_="UUID")))
    w("}")
    w("")
    w("message GetThingResponse {")
    w(field("Thing", "thing", 1))
    w("}")
    w("")
    w("message UpdateThingRequest {")
    w(field("Thing", "thing", 1, rule(required=True)))
    w(field("repeated string", "paths", 2, rule(required=True, max=("int64", 64))))
    w(field("optional string", "etag", 3, rule(min=("int64", 1))))
    w("}")
    w("")
    w("message UpdateThingResponse {")
    w(field("Thing", "thing", 1))
    w("}")
    w("")
    w("message DeleteThingRequest {")
    w(field("string", "id", 1, rule(required=True, is_="UUID")))
    w(field("bool", "force", 2))
    w("}")
    w("")
    w("message DeleteThingResponse {}")
    w("")
    if n == 1 or private:
        if n == 1:
            w("// Only the deprecated ListThings uses these; they map to private directly.")
        w("message ListThingsRequest {")
        if n == 1:
            w("  option (gen.svc.message).deprecated = true;")
        w(field("Filter", "filter", 1))
        w(field("Page", "page", 2))
        w("}")
        w("")
        w("message ListThingsResponse {")
        if n == 1:
            w("  option (gen.svc.message).deprecated = true;")
        w(field("repeated Thing", "things", 1))
        w(field("string", "next_cursor", 2))
        w("}")
        w("")
    if n >= 2:
        w("message CountThingsRequest {")
        w(field("Filter", "filter", 1, rule(required=True)))
        w("}")
        w("")
        w("message CountThingsResponse {")
        w(field("uint64", "count", 1))
        w("}")
        w("")
    if private:
        w("message PingRequest {}")
        w("")
        w("message PingResponse {}")
        w("")
    return "\n".join(out)


def count_messages(text):
    return sum(1 for line in text.splitlines() if line.lstrip().startswith("message "))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--domains", type=int, required=True, help="number of domains")
    parser.add_argument("--out", required=True, help="directory to write the tree into")
    parser.add_argument("--list", action="store_true",
                        help="print the written .proto paths (relative to --out), one a line")
    args = parser.parse_args(argv)
    if args.domains < 1:
        parser.error("--domains must be at least 1")
    files = 0
    messages = 0
    paths = []
    for i in range(1, args.domains + 1):
        domain = f"acme{i}"
        for version in VERSIONS:
            rel = os.path.join(domain, "things", version, "things.proto")
            path = os.path.join(args.out, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            text = things_proto(domain, version)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            files += 1
            messages += count_messages(text)
            paths.append(rel)
    if args.list:
        print("\n".join(paths))
    else:
        print(f"{files} files, {messages} messages")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
