"""Envelope interop, Python side (docs/reference/events.md): writes the cases of cases.json as
envelope bytes with Python's protobuf, or reads bytes another runtime wrote
and checks every field against cases.json.

usage: /usr/bin/python3 interop.py write|read CASES_JSON DIR GENERATED_DIR
GENERATED_DIR holds `protoc --python_out` code for cppsvc/events/envelope.proto
and acme/user/v1/user.proto. Exit 1 on any disagreement, listing each one.
"""
import json
import os
import sys


def main():
    mode, cases_path, directory, generated = sys.argv[1:5]
    sys.path.insert(0, generated)
    from cppsvc.events import envelope_pb2
    from acme.user.v1 import user_pb2
    import google.protobuf

    with open(cases_path, encoding="utf-8") as f:
        cases = json.load(f)
    payload_types = {
        "account_created": user_pb2.AccountCreated,
        "email_changed_payload": user_pb2.EmailChangedPayload,
    }
    envelope_ints = {"timestamp"}
    payload_ints = {"credit_cents"}
    problems = []

    def payload_of(case):
        for key, message_type in payload_types.items():
            if key in case:
                return message_type, case[key]
        raise SystemExit("case %s has no payload" % case["file"])

    for case in cases:
        path = os.path.join(directory, case["file"] + ".bin")
        message_type, fields = payload_of(case)
        if mode == "write":
            payload = message_type()
            for name, value in fields.items():
                setattr(payload, name, int(value) if name in payload_ints else value)
            envelope = envelope_pb2.Envelope()
            for name, value in case["envelope"].items():
                if name == "metadata":
                    for key, item in value.items():
                        envelope.metadata[key] = item
                else:
                    setattr(envelope, name, int(value) if name in envelope_ints else value)
            envelope.payload = payload.SerializeToString()
            with open(path, "wb") as f:
                f.write(envelope.SerializeToString())
            continue

        with open(path, "rb") as f:
            data = f.read()
        envelope = envelope_pb2.Envelope()
        envelope.ParseFromString(data)

        def check(where, name, want, got):
            if want != got:
                problems.append("%s: %s %s: want %r, got %r" % (case["file"], where, name, want, got))

        for name, value in case["envelope"].items():
            if name == "metadata":
                check("envelope", name, value, dict(envelope.metadata))
            else:
                want = int(value) if name in envelope_ints else value
                check("envelope", name, want, getattr(envelope, name))
        payload = message_type()
        payload.ParseFromString(envelope.payload)
        for name, value in fields.items():
            want = int(value) if name in payload_ints else value
            check(message_type.DESCRIPTOR.full_name, name, want, getattr(payload, name))
        if all(not v or v in ("0", 0) for v in fields.values()) and envelope.payload != b"":
            problems.append("%s: payload should be empty bytes, is %r" % (case["file"], envelope.payload))

    if problems:
        print("python (protobuf %s) disagrees:" % google.protobuf.__version__)
        print("\n".join(problems))
        return 1
    print("python (protobuf %s): %s %d cases" % (google.protobuf.__version__, mode, len(cases)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
