# A real SMTP server for the e-mail channel's tests (aiosmtpd, Debian's python3-aiosmtpd).
# Each message is decoded by Python's own e-mail parser and written as one JSON file;
# the server runs until its standard input is closed.
import email, email.policy, json, os, sys
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

out_dir, port = sys.argv[1], int(sys.argv[2])
# Optional third argument "user:password": the server then requires that login (AUTH LOGIN/PLAIN).
credentials = sys.argv[3].encode() if len(sys.argv) > 3 else None

def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login + b":" + auth_data.password == credentials
    return AuthResult(success=ok, handled=False, auth_data=auth_data)

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
            "messageId": undecoded.get("Message-ID"),
            "login": session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None,
        }
        count = len([f for f in os.listdir(out_dir) if f.endswith(".json")])
        temporary = os.path.join(out_dir, "%04d.tmp" % count)
        with open(temporary, "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(temporary, os.path.join(out_dir, "%04d.json" % count))
        return "250 OK"

class LenientController(Controller):
    # System.Net.Mail sends "AUTH login …" in lower case; RFC 4954 makes mechanism names case-insensitive,
    # aiosmtpd 1.4 compares them exactly, so the lower-case names are added as aliases.
    def factory(self):
        smtp = super().factory()
        smtp._auth_methods.update({name.lower(): method for name, method in list(smtp._auth_methods.items())})
        return smtp

options = dict(authenticator=authenticate, auth_required=True, auth_require_tls=False) if credentials else {}
controller = LenientController(Handler(), hostname="127.0.0.1", port=port, **options)
controller.start()
print("READY", flush=True)
sys.stdin.read()
controller.stop()
