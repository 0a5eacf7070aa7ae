# A real SMTP server for the e-mail channel's tests (aiosmtpd, Debian's python3-aiosmtpd).
# Each message is decoded by Python's own e-mail parser and written as one JSON file;
# the server runs until its standard input is closed.
import email, email.policy, json, os, sys
from aiosmtpd.controller import Controller

out_dir, port = sys.argv[1], int(sys.argv[2])

class Handler:
    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        undecoded = email.message_from_bytes(raw)
        part = parsed.get_body(preferencelist=('plain',))
        record = {
            "mailFrom": envelope.mail_from,
            "rcptTos": envelope.rcpt_tos,
            "subject": str(parsed["subject"]),
            "rawSubject": str(undecoded["Subject"]),
            "charset": part.get_content_charset(),
            "body": part.get_content(),
            "idempotencyKey": parsed.get("X-Idempotency-Key"),
        }
        count = len([f for f in os.listdir(out_dir) if f.endswith(".json")])
        temporary = os.path.join(out_dir, "%04d.tmp" % count)
        with open(temporary, "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(temporary, os.path.join(out_dir, "%04d.json" % count))
        return "250 OK"

controller = Controller(Handler(), hostname="127.0.0.1", port=port)
controller.start()
print("READY", flush=True)
sys.stdin.read()
controller.stop()
