"""One registration driven through a client generated from /api/openapi.json with
openapi-python-client's default settings (`cargo xtask test`): the document is good enough
for a stranger to build on, not merely valid.

usage: python generated_client_check.py BASE_URL
"""

import json
import sys
import urllib.request

from portal_mock_api_client import Client
from portal_mock_api_client.api.registration import (
    new_captcha,
    password_registration,
    start_registration,
    verify_registration,
)
from portal_mock_api_client.models import (
    AccountReady,
    RegistrationRequest,
    SetPasswordRequest,
    VerifyOtpRequest,
)

base = sys.argv[1]
client = Client(base_url=base, raise_on_unexpected_status=True)
id_number, phone, password = "001090777001", "0913777001", "Sen#vang7Ho"

captcha = new_captcha.sync(client=client)
started = start_registration.sync_detailed(
    client=client,
    body=RegistrationRequest(
        id_number=id_number,
        full_name="Lê Thị Hoa",
        date_of_birth="1990-07-01",
        phone=phone,
        captcha_id=captcha.captcha_id,
        captcha_answer="ABCDE",
    ),
)
assert started.status_code == 201, started.content
registration = started.parsed.registration_id

# The SMS outbox is a dev endpoint, outside the documented API.
with urllib.request.urlopen(f"{base}/api/dev/outbox") as answer:
    code = next(sms["code"] for sms in json.load(answer) if sms["to"] == phone)

verified = verify_registration.sync(registration, client=client, body=VerifyOtpRequest(code=code))
done = password_registration.sync_detailed(
    registration,
    client=client,
    body=SetPasswordRequest(
        password_token=verified.password_token,
        password=password,
        password_confirmation=password,
    ),
)
assert done.status_code == 201, done.content
assert isinstance(done.parsed, AccountReady) and done.parsed.username == id_number, done.parsed
print(f"generated client: {id_number} registered through start, verify and password (201)")
