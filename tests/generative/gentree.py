#!/usr/bin/env python3
"""Writes a random but VALID annotated proto tree for protoc-gen-cpp-svc.

    gentree.py --seed S --out DIR [--size tiny|small|medium] [--features a,b,-c]

Every tree is one the plugin is supposed to accept: each element of a public
version resolves in the next version (or in private when it is deprecated or in
the latest version), renames are spelled with delegates, enum receive sets are
disjoint, validation rules fit their field's type, events keep being events in
newer versions. The same seed, size and features always give the same tree.

The tree is built as a logical schema first (elements with a name per stage of
the chain v_1 .. v_n [private]), then printed once per stage, so that every
counterpart exists by construction.

Features (FEATURES below) switch kinds of content on and off. SAFE ones are
expected to work; DANGEROUS ones exercise classes that failed on the main
branch when this was written (tests/generative/known-failures.txt says which
are still expected to fail). Python 3 standard library only.
"""

import argparse
import json
import os
import random
import sys

# name -> what it adds. Order matters only for --help.
FEATURES = {
    # --- expected to be accepted and to compile -------------------------------
    "private": "some domains have a private package (service chain); others are schema-only",
    "renames": "field, message, enum, enum value, oneof and method delegates",
    "receive": "enum values split in a newer version, read back with receive.names",
    "gen_deprecated": "(gen.svc.*).deprecated fields, messages and methods (domains with private)",
    "common": "a shared package (enums, messages) imported by the versions, generated in the same run",
    "nested": "nested messages and enums",
    "oneofs": "oneofs (scalar, enum and message members, oneof validate.required)",
    "maps": "map fields",
    "repeated": "repeated fields",
    "optional": "proto3 optional fields",
    "rules": "validation rules (required/min/max/is/in) that fit the field type",
    "receive_required": "(gen.svc.field).receive.required",
    "keywords": "C++ keywords as field and message names (class, private, default, ...)",
    "tricky_names": "near-colliding names: X and x messages, names ending in _, Validator messages",
    "events": "events by annotation, with aggregate fields and categories",
    "services": "services with unary RPCs",
    "wkt": "well-known message types (Timestamp, Duration, Empty requests)",
    "versions": "v1alpha1, v1beta1, v10, v20240101 next to v1, v2",
    "multi_file": "packages split over two files",
    "scalar_swap": "int32 <-> sint32 <-> sfixed32 (etc.) across versions",
    # --- classes that failed on main (issues 10 and 12) ------------------------
    "std_deprecated": "standard [deprecated = true] on fields, enum values and messages",
    "external_common": "the shared package is imported but generated in a separate run",
    "wkt_enum": "google.protobuf.NullValue (an enum from an imported, not generated file)",
    "converter_empty": "(gen.svc.message).converter.empty and (gen.svc.method).converter.empty",
    "rpc_name_clash": "RPCs named Validator and Converter (names of generated classes)",
    "service_name_clash": "services my_svc and MySvc in every version and private",
    "enum_field_clash": "enum fields Outer.Inner.x and Outer.Inner_x",
    "package_clash": "packages org.x.v1 and org_x.v1",
    "hostile_strings": "newlines and */ in event names and categories, quotes and \\0 in `in` lists",
    "odd_versions": "v1alpha, v1test, v1p1beta1 (buf's PACKAGE_VERSION_SUFFIX accepts them)",
    "schema_only_drop": "a deprecated field in a chain without a private package",
    "streaming": "a streaming RPC next to unary ones in a domain with a service chain",
}
SAFE = [
    "private", "renames", "receive", "gen_deprecated", "common", "nested", "oneofs", "maps",
    "repeated", "optional", "rules", "receive_required", "keywords", "tricky_names", "events",
    "services", "wkt", "versions", "multi_file", "scalar_swap",
]
DANGEROUS = [f for f in FEATURES if f not in SAFE]

SIZES = {
    # domains, (min, max) public versions, messages per domain, fields per message
    "tiny": (1, (1, 2), 2, 3),
    "small": (2, (1, 3), 4, 5),
    "medium": (3, (2, 4), 7, 7),
}

INTS = ["int32", "int64", "sint32", "sint64", "sfixed32", "sfixed64"]
UINTS = ["uint32", "uint64", "fixed32", "fixed64"]
FLOATS = ["float", "double"]
SCALARS = INTS + UINTS + FLOATS + ["bool", "string", "bytes"]
SWAP_FAMILIES = [["int32", "sint32", "sfixed32"], ["int64", "sint64", "sfixed64"],
                 ["uint32", "fixed32"], ["uint64", "fixed64"]]
LIMITS = {
    "int32": (-2**31, 2**31 - 1), "sint32": (-2**31, 2**31 - 1), "sfixed32": (-2**31, 2**31 - 1),
    "int64": (-2**63, 2**63 - 1), "sint64": (-2**63, 2**63 - 1), "sfixed64": (-2**63, 2**63 - 1),
    "uint32": (0, 2**32 - 1), "fixed32": (0, 2**32 - 1),
    "uint64": (0, 2**64 - 1), "fixed64": (0, 2**64 - 1),
}
WKT = {
    "google.protobuf.Timestamp": "google/protobuf/timestamp.proto",
    "google.protobuf.Duration": "google/protobuf/duration.proto",
    "google.protobuf.Empty": "google/protobuf/empty.proto",
}
KEYWORD_FIELDS = ["class", "private", "default", "register", "new", "operator", "template", "int"]
KEYWORD_MESSAGES = ["class", "union", "namespace"]
FIELD_WORDS = ["id", "name", "title", "count", "amount", "status", "kind", "note", "email",
               "url", "owner", "size", "score", "flag", "blob", "ratio", "level", "code",
               "label", "tag", "created", "parent", "weight", "rank", "region", "mode"]
MESSAGE_WORDS = ["Thing", "Order", "Account", "Widget", "Gadget", "Entry", "Record", "Node",
                 "Invoice", "Shipment", "Profile", "Session", "Ticket", "Asset", "Report"]
ENUM_WORDS = ["Color", "State", "Tier", "Phase", "Shape", "Grade", "Mood", "Channel"]
DOMAIN_WORDS = ["things", "billing", "people_ops", "inventory", "audit", "geo", "media"]
ORGS = ["acme", "globex", "initech", "umbrella"]


def parse_features(spec):
    """'safe', 'all', 'none' or a comma list; '-x' removes x, '+x'/'x' adds it."""
    chosen = set()
    for item in [s.strip() for s in (spec or "safe").split(",") if s.strip()]:
        remove = item.startswith("-")
        name = item.lstrip("+-")
        group = {"safe": SAFE, "all": list(FEATURES), "none": [], "dangerous": DANGEROUS}.get(name)
        names = group if group is not None else [name]
        for n in names:
            if n not in FEATURES:
                raise ValueError(f"unknown feature {n!r} (known: {', '.join(FEATURES)})")
            (chosen.discard if remove else chosen.add)(n)
    return chosen


def snake_to_pascal(name):
    return "".join(p[:1].upper() + p[1:] for p in name.split("_") if p)


def quote(text):
    """A proto text-format string literal."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\0":
            out.append("\\0")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


# ---- The logical schema ----------------------------------------------------------
#
# Stages are 0 .. n-1 (public versions, oldest first) and n (private, if any).
# An element lives in stages first .. last_public, plus private; `dep` is the
# public stage where it is marked deprecated (it then skips to private).


class Element:
    def __init__(self, base, first):
        self.base = base
        self.first = first
        self.dep = None          # public stage of (gen.svc) deprecation
        self.names = {}          # stage -> name (missing: base)
        self.std_deprecated = set()  # stages with standard [deprecated = true]

    def name(self, stage):
        return self.names.get(stage, self.base)


class Enum(Element):
    def __init__(self, base, first, parent):
        super().__init__(base, first)
        self.parent = parent
        self.values = []         # Elements with .number; values[0] is the zero value
        self.receive = {}        # (value, stage) -> [logical values of the next stage]


class Field(Element):
    def __init__(self, base, first, number, type_, label):
        super().__init__(base, first)
        self.number = number
        self.type = type_        # ("scalar", s) | ("enum", Enum) | ("msg", Message) | ("ext", full, file)
        self.label = label       # "single" | "repeated" | "optional" | "map"
        self.key = None          # map key scalar
        self.types = {}          # stage -> scalar type (scalar_swap)
        self.rules = {}          # stage -> rule text
        self.receive_required = set()


class Oneof(Element):
    def __init__(self, base, first):
        super().__init__(base, first)
        self.members = []
        self.required = set()    # stages with validate.required


class Message(Element):
    def __init__(self, base, first, parent):
        super().__init__(base, first)
        self.parent = parent
        self.fields = []
        self.oneofs = []
        self.nested = []
        self.enums = []
        self.event = None        # (first stage, name, category, aggregate Field or None)
        self.converter_empty = set()


class Method(Element):
    def __init__(self, base, first, request, response):
        super().__init__(base, first)
        self.request = request   # Message or ("ext", full, file) per stage kind
        self.response = response
        self.converter_empty = set()
        self.streaming = False
        self.private_types = None  # (request, response) Messages in private when public uses Empty


class Service:
    def __init__(self, name):
        self.name = name
        self.methods = []
        self.private_only = False


class Domain:
    def __init__(self, package, versions, has_private):
        self.package = package   # e.g. acme.things
        self.versions = versions
        self.has_private = has_private
        self.enums = []
        self.messages = []
        self.services = []

    @property
    def stages(self):
        return len(self.versions) + (1 if self.has_private else 0)

    @property
    def last_public(self):
        return len(self.versions) - 1

    def stage_package(self, stage):
        if stage == len(self.versions):
            return self.package + ".private"
        return self.package + "." + self.versions[stage]

    def is_private(self, stage):
        return stage == len(self.versions)


def present(element, stage, domain):
    """Whether a logical element exists in a stage."""
    if stage < element.first:
        return False
    if domain.is_private(stage):
        return True
    return element.dep is None or stage <= element.dep


def target_stage(element, stage, domain):
    """The stage an element of `stage` maps to, or None (latest of a schema-only chain)."""
    if domain.is_private(stage):
        return None
    if stage == element.dep or stage == domain.last_public:
        return len(domain.versions) if domain.has_private else None
    return stage + 1


class Generator:
    def __init__(self, seed, size, features):
        self.rng = random.Random(seed)
        self.seed = seed
        self.size = SIZES[size]
        self.f = features
        self.domains = []
        self.common = None       # (package, [Enum], [Message], file)
        self.enum_counter = 0
        self.event_names = set()

    def on(self, feature, p=1.0):
        return feature in self.f and self.rng.random() < p

    # ---- names -------------------------------------------------------------------
    def fresh(self, pool, used, keyword_pool=None, tricky=None):
        if keyword_pool and self.on("keywords", 0.15):
            for word in self.rng.sample(keyword_pool, len(keyword_pool)):
                if word not in used:
                    used.add(word)
                    return word
        if tricky and self.on("tricky_names", 0.15):
            for word in self.rng.sample(tricky, len(tricky)):
                if word not in used:
                    used.add(word)
                    return word
        for _ in range(50):
            word = self.rng.choice(pool)
            if word not in used:
                used.add(word)
                return word
        i = len(used)
        while f"{pool[0]}{i}" in used:
            i += 1
        used.add(f"{pool[0]}{i}")
        return f"{pool[0]}{i}"

    def maybe_rename(self, element, domain, style, p=0.25):
        """Gives `element` older names: at a stage before its target, a new name."""
        if "renames" not in self.f:
            return
        # Newest first, so an older rename is not overwritten by a newer one.
        for stage in reversed(range(element.first, domain.last_public + 1)):
            if self.rng.random() < p and target_stage(element, stage, domain) is not None:
                # Older stages keep the renamed name unless renamed again.
                if style == "snake":
                    name = f"{element.base}_r{stage}"
                elif style == "upper":
                    name = f"{element.base}_R{stage}"
                else:
                    name = f"{element.base}R{stage}"
                for s in range(element.first, stage + 1):
                    element.names[s] = name

    # ---- domains -------------------------------------------------------------------
    def versions(self, count):
        pool = ["v1", "v2", "v3", "v10"]
        if "versions" in self.f:
            pool += ["v1alpha1", "v1beta1", "v2beta3", "v20240101"]
        if "odd_versions" in self.f:
            pool += ["v1alpha", "v1test", "v1p1beta1"]
        chosen = self.rng.sample(pool, count)
        if "odd_versions" in self.f and not any(v in ("v1alpha", "v1test", "v1p1beta1")
                                                 for v in chosen):
            chosen[0] = self.rng.choice(["v1alpha", "v1test", "v1p1beta1"])
        return sorted(set(chosen), key=version_key)

    def build(self):
        n_domains, (vmin, vmax), n_messages, n_fields = self.size
        self.n_fields = n_fields
        org = self.rng.choice(ORGS)
        if "common" in self.f or "external_common" in self.f:
            self.build_common(org)
        used_domains = set()
        for d in range(n_domains):
            word = self.fresh(DOMAIN_WORDS, used_domains)
            package = f"{org}.{word}"
            if "package_clash" in self.f and d == 0:
                package = f"{org}.x"
            has_private = "private" in self.f and (d == 0 or self.rng.random() < 0.6)
            count = self.rng.randint(vmin, vmax)
            domain = Domain(package, self.versions(count), has_private)
            self.build_domain(domain, n_messages)
            self.domains.append(domain)
        if "package_clash" in self.f:
            twin = Domain(f"{org}_x", self.domains[0].versions[:1], False)
            self.build_domain(twin, 1)
            self.domains.append(twin)
        if "schema_only_drop" in self.f:
            self.force_schema_only_drop()

    def build_common(self, org):
        package = self.rng.choice([f"{org}.common", f"{org}.shared.types"])
        currency = Enum("Currency", 0, None)
        for i, v in enumerate(["CURRENCY_UNSPECIFIED", "CURRENCY_EUR", "CURRENCY_USD"]):
            value = Element(v, 0)
            value.number = i
            currency.values.append(value)
        money = Message("Money", 0, None)
        money.fields.append(Field("currency_code", 0, 1, ("scalar", "string"), "single"))
        money.fields[-1].rules = {0: 'validate: { in: [ "EUR", "USD" ] }'}
        money.fields.append(Field("units", 0, 2, ("scalar", "int64"), "single"))
        money.fields.append(Field("currency", 0, 3, ("enum", currency), "single"))
        self.common = {"package": package, "enums": [currency], "messages": [money],
                       "file": package.replace(".", "/") + "/types.proto",
                       "external": "external_common" in self.f}

    def build_domain(self, domain, n_messages):
        used = set()
        # Enums of the package.
        for _ in range(self.rng.randint(1, 2)):
            domain.enums.append(self.make_enum(domain, None, used, 0))
        # Entity messages.
        for i in range(n_messages):
            first = 0 if i < 2 else self.rng.randint(0, domain.last_public)
            tricky = ["X", "x", "Validator", "Converter", "Thing_", "Svc", "Testing"]
            base = self.fresh(MESSAGE_WORDS, used, KEYWORD_MESSAGES, tricky)
            domain.messages.append(Message(base, first, None))
        for message in list(domain.messages):
            self.fill_message(domain, message, used, depth=0)
        for message in domain.messages:
            self.maybe_rename(message, domain, "pascal", 0.2)
        # Enums of the chain may be renamed too (enum delegate).
        for enum in self.all_enums(domain):
            self.maybe_rename(enum, domain, "pascal", 0.2)
        if "enum_field_clash" in self.f:
            self.add_enum_field_clash(domain, used)
        if "services" in self.f and domain.has_private:
            self.add_services(domain, used)
        if "gen_deprecated" in self.f and domain.has_private:
            self.add_deprecations(domain, used)
        if "events" in self.f or "hostile_strings" in self.f:
            self.add_events(domain)
        if "std_deprecated" in self.f:
            self.add_std_deprecations(domain)
        if "converter_empty" in self.f:
            for message in domain.messages[:1]:
                message.converter_empty.add(0)
        self.force_features(domain)

    def force_features(self, domain):
        """Dangerous features appear at least once per domain, even in tiny trees."""
        first = domain.messages[0]
        number = max([f.number for f in first.fields] +
                     [m.number for o in first.oneofs for m in o.members] + [0])
        extra = []
        if "external_common" in self.f or ("common" in self.f and self.rng.random() < 0.5):
            extra.append(Field("shared_currency", first.first, 0, ("enum", self.common["enums"][0]),
                               "single"))
            extra.append(Field("shared_money", first.first, 0,
                               ("msg", self.common["messages"][0]), "single"))
        if "wkt_enum" in self.f:
            extra.append(Field("nothing", first.first, 0,
                               ("ext", "google.protobuf.NullValue", "google/protobuf/struct.proto"),
                               "single"))
        if "hostile_strings" in self.f:
            quoted = Field("quoted", first.first, 0, ("scalar", "string"), "single")
            quoted.rules = {s: 'validate: { in: [ "ab\\0cd", "q\\\"t", "x\\\\y" ] }'
                            for s in range(first.first, domain.stages)}
            extra.append(quoted)
        for field in extra:
            number += 1
            field.number = number
            first.fields.append(field)

    def all_enums(self, domain):
        out = list(domain.enums)

        def walk(message):
            out.extend(message.enums)
            for n in message.nested:
                walk(n)
        for m in domain.messages:
            walk(m)
        return out

    def all_messages(self, domain):
        out = []

        def walk(message):
            out.append(message)
            for n in message.nested:
                walk(n)
        for m in domain.messages:
            walk(m)
        return out

    def make_enum(self, domain, parent, used, first):
        base = self.fresh(ENUM_WORDS, used)
        self.enum_counter += 1
        enum = Enum(base, first, parent)
        prefix = f"{base.upper()}{self.enum_counter}"
        count = self.rng.randint(2, 5)
        for i in range(count):
            value = Element(f"{prefix}_{'UNSPECIFIED' if i == 0 else 'V' + str(i)}",
                            first if i < 2 else self.rng.randint(first, domain.stages - 1))
            value.number = i
            self.maybe_rename(value, domain, "upper", 0.2)
            enum.values.append(value)
        if "receive" in self.f:
            # A value split in a newer stage: the older stage's value receives both.
            for value in enum.values[1:]:
                split = [v for v in enum.values if v.first > value.first and v.first > first]
                if split and self.rng.random() < 0.5:
                    new = split[0]
                    stage = new.first - 1
                    if stage >= value.first and not domain.is_private(stage):
                        enum.receive[(value, stage)] = [value, new]
                        break  # one split per enum keeps the receive sets disjoint
        return enum

    def scalar(self):
        return self.rng.choice(SCALARS)

    def field_type(self, domain, message, depth, in_oneof=False):
        """A random type: ("scalar", s) etc. The referenced element exists from `first`."""
        r = self.rng.random()
        enums = self.all_enums(domain)
        if r < 0.55:
            return ("scalar", self.scalar())
        if r < 0.7 and enums:
            return ("enum", self.rng.choice(enums))
        if r < 0.85:
            candidates = [m for m in self.all_messages(domain) if m.dep is None]
            if candidates:
                return ("msg", self.rng.choice(candidates))
        if r < 0.93 and self.common is not None:
            if self.rng.random() < 0.5:
                return ("enum", self.common["enums"][0])
            return ("msg", self.common["messages"][0])
        if "wkt" in self.f:
            full = self.rng.choice(["google.protobuf.Timestamp", "google.protobuf.Duration"])
            return ("ext", full, WKT[full])
        if "wkt_enum" in self.f:
            return ("ext", "google.protobuf.NullValue", "google/protobuf/struct.proto")
        return ("scalar", self.scalar())

    def type_first(self, type_):
        if type_[0] in ("enum", "msg") and not self.is_common(type_[1]):
            element = type_[1]
            first = element.first
            while getattr(element, "parent", None) is not None:
                element = element.parent
                first = max(first, element.first)
            return first
        return 0

    def is_common(self, element):
        return self.common is not None and (element in self.common["enums"] or
                                            element in self.common["messages"])

    def fill_message(self, domain, message, used_top, depth):
        # A field named like its message (`message x { ... x = 1; }`) is valid
        # proto, but protoc's C++ then declares an accessor named like the
        # class (a constructor) and does not compile.
        used = {message.base, message.base.lower()}
        number = 0
        if "nested" in self.f and depth < 2 and self.rng.random() < 0.4:
            enum = self.make_enum(domain, message, set(used_top), message.first)
            message.enums.append(enum)
        if "nested" in self.f and depth < 2 and self.rng.random() < 0.35:
            # Not the enclosing message's name: protoc accepts it, but its C++
            # (`typedef Outer_Outer Outer;` inside class Outer) does not compile.
            ancestors = set()
            parent = message
            while parent is not None:
                ancestors.add(parent.base)
                parent = parent.parent
            nested = Message(self.fresh(MESSAGE_WORDS, used | ancestors), message.first, message)
            used.add(nested.base)
            message.nested.append(nested)
            self.fill_message(domain, nested, used_top, depth + 1)
            self.maybe_rename(nested, domain, "pascal", 0.2)
        count = self.rng.randint(1, self.n_fields)
        for _ in range(count):
            number += 1
            base = self.fresh(FIELD_WORDS, used, KEYWORD_FIELDS, ["value_", "x", "item_"])
            type_ = self.field_type(domain, message, depth)
            label = "single"
            r = self.rng.random()
            if r < 0.2 and "repeated" in self.f:
                label = "repeated"
            elif r < 0.3 and "maps" in self.f:
                label = "map"
            elif r < 0.4 and "optional" in self.f and type_[0] in ("scalar", "enum"):
                label = "optional"
            first = max(message.first, self.type_first(type_),
                        message.first if self.rng.random() < 0.7
                        else self.rng.randint(message.first, domain.stages - 1))
            field = Field(base, first, number, type_, label)
            if label == "map":
                field.key = self.rng.choice(["string", "int32", "int64", "uint32", "bool"])
            self.set_scalar_swaps(field, domain)
            self.set_rules(field, domain)
            self.maybe_rename(field, domain, "snake")
            if "receive_required" in self.f and self.rng.random() < 0.1:
                field.receive_required = {s for s in range(field.first, domain.last_public + 1)}
            message.fields.append(field)
        if "oneofs" in self.f and self.rng.random() < 0.4:
            oneof = Oneof(self.fresh(["choice", "payload", "variant", "pick"], used), message.first)
            for _ in range(self.rng.randint(1, 3)):
                number += 1
                type_ = self.field_type(domain, message, depth, in_oneof=True)
                first = max(oneof.first, self.type_first(type_))
                member = Field(self.fresh(FIELD_WORDS, used), first, number, type_, "single")
                self.set_rules(member, domain)
                self.maybe_rename(member, domain, "snake")
                oneof.members.append(member)
            if "rules" in self.f and self.rng.random() < 0.4:
                oneof.required = set(range(domain.stages))
            self.maybe_rename(oneof, domain, "snake")
            message.oneofs.append(oneof)

    def set_scalar_swaps(self, field, domain):
        if field.type[0] != "scalar" or "scalar_swap" not in self.f:
            return
        for family in SWAP_FAMILIES:
            if field.type[1] in family and self.rng.random() < 0.3:
                for stage in range(field.first, domain.stages):
                    field.types[stage] = self.rng.choice(family)

    def set_rules(self, field, domain):
        if "rules" not in self.f:
            return
        for stage in range(field.first, domain.stages):
            if self.rng.random() < 0.5:
                rule = self.rule_for(field, stage)
                if rule:
                    field.rules[stage] = rule

    def rule_for(self, field, stage):
        kind = field.type[0]
        scalar = field.types.get(stage, field.type[1]) if kind == "scalar" else None
        parts = []
        if self.rng.random() < 0.3:
            parts.append("required: true")
        if kind == "enum" and self.rng.random() < 0.5:
            names = [v for v in field.type[1].values if v.first <= stage]
            picked = self.rng.sample(names, self.rng.randint(1, len(names)))
            parts.append("in: [ " + ", ".join(f'"{v.name(stage)}"' for v in picked) + " ]")
        elif scalar == "string":
            r = self.rng.random()
            if r < 0.3:
                parts.append("is: " + self.rng.choice(["UUID", "EMAIL", "URL"]))
            elif r < 0.6:
                lo = self.rng.randint(0, 5)
                parts.append(f"min: {{ int64: {lo} }} max: {{ int64: {lo + self.rng.randint(0, 50)} }}")
            elif r < 0.8:
                words = self.rng.sample(["east", "west", "a b", "x\\\\y", "q\\\"t"], 2)
                if "hostile_strings" in self.f:
                    words.append("ab\\0cd")
                parts.append("in: [ " + ", ".join(f'"{w}"' for w in words) + " ]")
        elif scalar == "bytes":
            if self.rng.random() < 0.3:
                parts.append("is: UUID")
        elif scalar in LIMITS:
            lo, hi = LIMITS[scalar]
            r = self.rng.random()
            kind64 = "uint64" if scalar in UINTS and self.rng.random() < 0.5 else "int64"
            if kind64 == "int64":
                hi = min(hi, 2**63 - 1)
            if r < 0.15:
                a, b = lo, hi  # bounds at the type's limits
            else:
                a = self.rng.randint(max(lo, -1000), min(hi, 1000))
                b = a + self.rng.randint(0, 1000)
                b = min(b, hi)
            if r < 0.6:
                which = self.rng.choice(["min", "max", "both"])
                if which in ("min", "both"):
                    parts.append(f"min: {{ {kind64}: {a} }}")
                if which in ("max", "both"):
                    parts.append(f"max: {{ {kind64}: {b} }}")
            elif r < 0.8:
                values = sorted({self.rng.randint(max(lo, -50), min(hi, 50)) for _ in range(3)})
                parts.append("in: [ " + ", ".join(f'"{v}"' for v in values) + " ]")
        elif scalar in FLOATS:
            r = self.rng.random()
            if r < 0.5:
                a = round(self.rng.uniform(-100, 100), 3)
                parts.append(f"min: {{ double: {a} }} max: {{ double: {a + 10.5} }}")
            elif r < 0.7:
                parts.append('in: [ "0.5", "1.25" ]')
        elif scalar == "bool":
            if self.rng.random() < 0.2:
                parts.append('in: [ "true" ]')
        if not parts:
            return None
        return "validate: { " + " ".join(parts) + " }"

    def add_enum_field_clash(self, domain, used):
        """Outer.Inner.x and Outer.Inner_x: enum fields whose joined paths are equal."""
        outer = Message(self.fresh(MESSAGE_WORDS, used), 0, None)
        inner = Message("Inner", 0, outer)
        outer.nested.append(inner)
        other = self.make_enum(domain, outer, set(used), 0)
        outer.enums.append(other)
        inner.fields.append(Field("x", 0, 1, ("enum", domain.enums[0]), "single"))
        outer.fields.append(Field("inner", 0, 1, ("msg", inner), "single"))
        outer.fields.append(Field("Inner_x", 0, 2, ("enum", other), "single"))
        domain.messages.append(outer)

    def add_events(self, domain):
        for i, message in enumerate(domain.messages):
            forced = i == 0 and "hostile_strings" in self.f
            if message.dep is not None or (self.rng.random() < 0.6 and not forced):
                continue
            if message.parent is not None or message.first > domain.last_public:
                continue
            start = self.rng.randint(message.first, domain.last_public)
            name = f"{domain.package}.{message.base.lower().strip('_')}.changed"
            if name in self.event_names:
                continue
            self.event_names.add(name)
            category = self.rng.choice([None, snake_to_pascal(domain.package.split(".")[-1]),
                                        "Audit"])
            if "hostile_strings" in self.f:
                name = name + "\nstatic int injected = 42; // */"
                category = "Cat\n#error injected */"
            candidates = [f for f in message.fields
                          if f.label == "single" and f.dep is None and f.first <= start and
                          f.type[0] == "scalar" and not f.types and
                          (f.type[1] == "string" or f.type[1] in LIMITS)]
            aggregate = self.rng.choice(candidates) if candidates and self.rng.random() < 0.7 \
                else None
            message.event = (start, name, category, aggregate)

    def add_services(self, domain, used):
        for s in range(self.rng.randint(1, 2)):
            service = Service(self.fresh(["Things", "Admin", "Query", "Store"], used))
            method_names = set()
            for _ in range(self.rng.randint(1, 3)):
                self.add_method(domain, service, used, method_names)
            if "rpc_name_clash" in self.f and s == 0:
                for name in ("Validator", "Converter"):
                    self.add_method(domain, service, used, method_names, name=name)
            if "wkt" in self.f and self.rng.random() < 0.4:
                self.add_method(domain, service, used, method_names, name="Ping", empty=True)
            if "streaming" in self.f and s == 0:
                m = self.add_method(domain, service, used, method_names, name="Watch")
                m.streaming = True
            domain.services.append(service)
        if "service_name_clash" in self.f:
            for name in ("my_svc", "MySvc"):
                service = Service(name)
                self.add_method(domain, service, used, set(), name=f"Do{name.title()}".replace("_", ""))
                domain.services.append(service)

    # The method names a new method of `service` must not take: its own, and
    # those of the service whose name is its own in other case (my_svc and
    # MySvc): the conversion test functions of the two (Run<Service><Method>…)
    # would be one, which the plugin rejects.
    @staticmethod
    def method_names_taken(domain, service):
        key = service.name.replace("_", "").lower()
        return {m.base for other in domain.services
                if other is service or other.name.replace("_", "").lower() == key
                for m in other.methods}

    def add_method(self, domain, service, used, method_names, name=None, empty=False):
        base = name or self.fresh(["Create", "Get", "Update", "Delete", "List", "Count",
                                   "Find", "Touch"], method_names)
        method_names.add(base)
        first = 0 if service.private_only else self.rng.randint(0, domain.last_public)
        request = Message(self.fresh([base + "Request", base + "Req"], used), first, None)
        response = Message(self.fresh([base + "Response", base + "Reply"], used), first, None)
        for message in (request, response):
            entity = [m for m in domain.messages if m.dep is None and m.first <= first]
            number = 0
            if entity:
                number += 1
                target = self.rng.choice(entity)
                f = Field(target.base.lower().strip("_") or "item", first, number,
                          ("msg", target), self.rng.choice(["single", "repeated"]))
                if self.rng.random() < 0.3 and "rules" in self.f:
                    f.rules = {s: "validate: { required: true }" for s in range(domain.stages)}
                message.fields.append(f)
            number += 1
            f = Field("request_id", first, number, ("scalar", "string"), "single")
            self.set_rules(f, domain)
            message.fields.append(f)
            domain.messages.append(message)
        method = Method(base, first, request, response)
        if empty:
            method.request = method.response = ("ext", "google.protobuf.Empty",
                                                "google/protobuf/empty.proto")
            method.private_types = (request, response)
            request.first = response.first = len(domain.versions)  # private only
        if not name:
            self.maybe_rename(method, domain, "pascal", 0.3)
        if "converter_empty" in self.f and not service.methods:
            method.converter_empty.add(first)
        service.methods.append(method)
        return method

    def add_deprecations(self, domain, used):
        for message in self.all_messages(domain):
            for field in message.fields:
                # A deprecated field leaves the public chain at `dep`.
                if self.rng.random() < 0.15 and field.first <= domain.last_public and \
                        message.dep is None and field.type[0] != "msg":
                    field.dep = self.rng.randint(field.first, domain.last_public)
        # A deprecated method (with deprecated request and response messages)
        # that later versions no longer have.
        for service in domain.services:
            if service.private_only or self.rng.random() < 0.5:
                continue
            method = self.add_method(domain, service, used, self.method_names_taken(domain, service))
            dep = self.rng.randint(method.first, domain.last_public)
            method.dep = dep
            for message in (method.request, method.response):
                message.dep = dep
        # An unreferenced deprecated message.
        if self.rng.random() < 0.5:
            legacy = Message(self.fresh(["Legacy", "Old"], used), 0, None)
            legacy.fields.append(Field("note", 0, 1, ("scalar", "string"), "single"))
            legacy.dep = self.rng.randint(0, domain.last_public)
            domain.messages.append(legacy)

    def add_std_deprecations(self, domain):
        for message in self.all_messages(domain):
            for field in message.fields:
                if self.rng.random() < 0.3:
                    field.std_deprecated = set(range(domain.stages))
            if self.rng.random() < 0.2:
                message.std_deprecated = set(range(domain.stages))
        for enum in self.all_enums(domain):
            for value in enum.values[1:]:
                if self.rng.random() < 0.3:
                    value.std_deprecated = set(range(domain.stages))
        # At least one of each, so tiny trees carry the feature.
        first = self.all_messages(domain)[0]
        if first.fields:
            first.fields[0].std_deprecated = set(range(domain.stages))
        if domain.enums and len(domain.enums[0].values) > 1:
            domain.enums[0].values[1].std_deprecated = set(range(domain.stages))

    def force_schema_only_drop(self):
        for domain in self.domains:
            if domain.has_private or len(domain.versions) < 2:
                continue
            for message in domain.messages:
                for field in message.fields:
                    if field.first == 0 and field.type[0] == "scalar":
                        field.dep = 0
                        return
        # No schema-only domain with two versions: add one.
        domain = Domain(self.domains[0].package + "_events", ["v1", "v2"], False)
        message = Message("Dropped", 0, None)
        message.fields.append(Field("kept", 0, 1, ("scalar", "string"), "single"))
        gone = Field("reason_text", 0, 2, ("scalar", "string"), "single")
        gone.dep = 0
        message.fields.append(gone)
        domain.messages.append(message)
        self.domains.append(domain)


def version_key(version):
    """A rough order for sorting chosen versions (the plugin decides the real one)."""
    import re
    m = re.match(r"v(\d+)(?:p(\d+))?(alpha|beta|test)?(\d*)", version)
    major = int(m.group(1))
    if major > 10000:  # a date: newest
        return (major, 0, 0, 0)
    stage = {"alpha": 0, "beta": 1, "test": 2, None: 3}[m.group(3)]
    return (major, int(m.group(2) or 0), stage, int(m.group(4) or 0))


# ---- Printing ------------------------------------------------------------------------

class Printer:
    def __init__(self, gen, domain, stage):
        self.gen = gen
        self.domain = domain
        self.stage = stage
        self.package = domain.stage_package(stage)
        self.private = domain.is_private(stage)
        self.imports = set()

    def qualified(self, element):
        """The fully qualified proto name of a logical message or enum in this stage."""
        if self.gen.is_common(element):
            self.imports.add(self.gen.common["file"])
            return "." + self.gen.common["package"] + "." + element.base
        path = []
        while element is not None:
            path.append(element.name(self.stage))
            element = element.parent
        return "." + self.package + "." + ".".join(reversed(path))

    def type_name(self, field):
        kind = field.type[0]
        if kind == "scalar":
            return field.types.get(self.stage, field.type[1])
        if kind == "ext":
            self.imports.add(field.type[2])
            return "." + field.type[1]
        return self.qualified(field.type[1])

    def target(self, element):
        return target_stage(element, self.stage, self.domain)

    def delegate(self, element):
        t = self.target(element)
        if t is None:
            return None
        if element.name(t) != element.name(self.stage):
            return element.name(t)
        return None

    def field_line(self, field, indent, in_oneof=False):
        type_ = self.type_name(field)
        if field.label == "repeated":
            type_ = "repeated " + type_
        elif field.label == "optional":
            type_ = "optional " + type_
        elif field.label == "map":
            type_ = f"map<{field.key}, {type_}>"
        opts = []
        delegate = self.delegate(field)
        if delegate:
            opts.append(f"delegate: {{ name: {quote(delegate)} }}")
        if self.stage in field.receive_required and not self.private:
            opts.append("receive: { required: true }")
        if self.stage in field.rules:
            opts.append(field.rules[self.stage])
        if field.dep == self.stage and not self.private:
            opts.append("deprecated: true")
        options = []
        if opts:
            options.append("(gen.svc.field) = { " + " ".join(opts) + " }")
        if self.stage in field.std_deprecated:
            options.append("deprecated = true")
        suffix = f" [{', '.join(options)}]" if options else ""
        return f"{indent}{type_} {field.name(self.stage)} = {field.number}{suffix};"

    def enum(self, enum, indent):
        out = [f"{indent}enum {enum.name(self.stage)} {{"]
        delegate = self.delegate(enum)
        if delegate:
            out.append(f'{indent}  option (gen.svc.enum).delegate.name = {quote(delegate)};')
        t = self.target(enum)
        for value in enum.values:
            if not present(value, self.stage, self.domain):
                continue
            opts = []
            if t is not None and value.name(t) != value.name(self.stage):
                opts.append(f"delegate: {{ name: {quote(value.name(t))} }}")
            receive = enum.receive.get((value, self.stage))
            if receive and t is not None:
                names = [v.name(t) for v in receive]
                opts.append("receive: { names: [ " + ", ".join(quote(n) for n in names) + " ] }")
            options = []
            if opts:
                options.append("(gen.svc.enum_value) = { " + " ".join(opts) + " }")
            if self.stage in value.std_deprecated:
                options.append("deprecated = true")
            suffix = f" [{', '.join(options)}]" if options else ""
            out.append(f"{indent}  {value.name(self.stage)} = {value.number}{suffix};")
        out.append(f"{indent}}}")
        return out

    def message(self, message, indent=""):
        if not present(message, self.stage, self.domain):
            return []
        out = [f"{indent}message {message.name(self.stage)} {{"]
        inner = indent + "  "
        opts = []
        delegate = self.delegate(message)
        if delegate:
            opts.append(f"delegate: {{ name: {quote(delegate)} }}")
        if message.dep == self.stage and not self.private and message.parent is None:
            opts.append("deprecated: true")
        if self.stage in message.converter_empty and not self.private:
            opts.append("converter: { empty: true }")
        if message.event and not self.private and self.stage >= message.event[0]:
            _, name, category, aggregate = message.event
            body = [f"name: {quote(name)}"]
            if category:
                body.append(f"category: {quote(category)}")
            if aggregate is not None:
                body.append(f"aggregate_field: {quote(aggregate.name(self.stage))}")
            opts.append("event: { " + " ".join(body) + " }")
        if opts:
            out.append(f"{inner}option (gen.svc.message) = {{ {' '.join(opts)} }};")
        if self.stage in message.std_deprecated:
            out.append(f"{inner}option deprecated = true;")
        for enum in message.enums:
            if present(enum, self.stage, self.domain):
                out += self.enum(enum, inner)
        for nested in message.nested:
            out += self.message(nested, inner)
        for field in message.fields:
            if present(field, self.stage, self.domain):
                out.append(self.field_line(field, inner))
        for oneof in message.oneofs:
            if not present(oneof, self.stage, self.domain):
                continue
            members = [m for m in oneof.members if present(m, self.stage, self.domain)]
            if not members:
                continue
            out.append(f"{inner}oneof {oneof.name(self.stage)} {{")
            oopts = []
            delegate = self.delegate(oneof)
            if delegate:
                oopts.append(f"delegate: {{ name: {quote(delegate)} }}")
            if self.stage in oneof.required:
                oopts.append("validate: { required: true }")
            if oopts:
                out.append(f"{inner}  option (gen.svc.oneof) = {{ {' '.join(oopts)} }};")
            for member in members:
                out.append(self.field_line(member, inner + "  ", in_oneof=True))
            out.append(f"{inner}}}")
        out.append(f"{indent}}}")
        return out

    def method_type(self, method, which):
        kind = method.request if which == 0 else method.response
        if isinstance(kind, tuple):
            if self.private:
                return self.qualified(method.private_types[which])
            self.imports.add(kind[2])
            return "." + kind[1]
        return self.qualified(kind)

    def service(self, service):
        methods = [m for m in service.methods if present(m, self.stage, self.domain)]
        if service.private_only and not self.private:
            return []
        # A service exists from its first method on, also when every method of
        # this stage is gone (deprecated): older stages map to it by name.
        if not any(m.first <= self.stage for m in service.methods):
            return []
        out = [f"service {service.name} {{"]
        for method in methods:
            request = self.method_type(method, 0)
            response = self.method_type(method, 1)
            stream = "stream " if method.streaming else ""
            opts = []
            delegate = self.delegate(method)
            if delegate:
                opts.append(f"option (gen.svc.method).delegate.name = {quote(delegate)};")
            if method.dep == self.stage and not self.private:
                opts.append("option (gen.svc.method).deprecated = true;")
            if self.stage in method.converter_empty and not self.private:
                opts.append("option (gen.svc.method).converter.empty = true;")
            head = f"  rpc {method.name(self.stage)}({request}) returns ({stream}{response})"
            if opts:
                out.append(head + " {")
                out += ["    " + o for o in opts]
                out.append("  }")
            else:
                out.append(head + ";")
        out.append("}")
        return out


def file_text(package, imports, body, comment):
    out = [f"// {comment}", "// Written by tests/generative/gentree.py; do not edit.",
           'syntax = "proto3";', "", f"package {package};", ""]
    for imp in sorted(imports | {"gen/svc/annotations.proto"}):
        out.append(f'import "{imp}";')
    out.append("")
    return "\n".join(out + body) + "\n"


def write_tree(gen, out_dir, seed, size, features):
    """Writes the tree; returns {'generate': [...], 'external': [...]} relative paths."""
    generate, external = [], []

    def write(rel, text):
        path = os.path.join(out_dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    if gen.common is not None:
        c = gen.common
        body = []
        fake = Domain(c["package"], [], False)
        p = Printer(gen, fake, 0)
        p.package = c["package"]
        for enum in c["enums"]:
            body += p.enum(enum, "")
        for message in c["messages"]:
            body += p.message(message)
        write(c["file"], file_text(c["package"], set(), body, f"shared types, seed {seed}"))
        (external if c["external"] else generate).append(c["file"])

    for domain in gen.domains:
        split = "multi_file" in gen.f and gen.rng.random() < 0.5
        last = domain.package.split(".")[-1]
        for stage in range(domain.stages):
            # One printer per file, so each file imports what it uses.
            printer = Printer(gen, domain, stage)
            service_printer = Printer(gen, domain, stage) if split else printer
            types, services = [], []
            for enum in domain.enums:
                if present(enum, stage, domain):
                    types += printer.enum(enum, "") + [""]
            request_like = {id(m.request) for s in domain.services for m in s.methods} | \
                {id(m.response) for s in domain.services for m in s.methods} | \
                {id(t) for s in domain.services for m in s.methods for t in (m.private_types or ())}
            for message in domain.messages:
                in_services = id(message) in request_like
                lines = (service_printer if in_services else printer).message(message)
                if lines:
                    (services if in_services else types).extend(lines + [""])
            for service in domain.services:
                lines = service_printer.service(service)
                if lines:
                    services += lines + [""]
            directory = printer.package.replace(".", "/")
            comment = f"{printer.package}, seed {seed}"
            if split:
                types_rel = f"{directory}/types.proto"
                write(types_rel, file_text(printer.package, set(printer.imports), types, comment))
                rel = f"{directory}/{last}.proto"
                imports = set(service_printer.imports) | {types_rel}
                write(rel, file_text(printer.package, imports, services, comment))
                generate += [types_rel, rel]
            else:
                rel = f"{directory}/{last}.proto"
                write(rel, file_text(printer.package, set(printer.imports), types + services,
                                     comment))
                generate.append(rel)
    case = {"seed": seed, "size": size, "features": sorted(features),
            "generate": generate, "external": external}
    with open(os.path.join(out_dir, "case.json"), "w", encoding="utf-8") as f:
        json.dump(case, f, indent=1, sort_keys=True)
        f.write("\n")
    return case


def generate_tree(seed, out_dir, size="small", features=None):
    features = set(SAFE) if features is None else set(features)
    gen = Generator(seed, size, features)
    gen.build()
    return write_tree(gen, out_dir, seed, size, features)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument("--features", default="safe",
                        help="safe | all | dangerous | none, or a comma list; -x drops x")
    parser.add_argument("--list-features", action="store_true")
    args = parser.parse_args(argv)
    if args.list_features:
        for name, what in FEATURES.items():
            print(f"{name:20} {'safe' if name in SAFE else 'dangerous':9} {what}")
        return 0
    case = generate_tree(args.seed, args.out, args.size, parse_features(args.features))
    print(json.dumps(case))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
