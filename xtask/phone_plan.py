"""Vietnam's mobile numbering plan as libphonenumber has it (the pinned `phonenumbers`
package), for `cargo xtask phone-plan` (which writes the contract's table) and the agreement
check of `cargo xtask test`.

usage: python phone_plan.py blocks    the mobile blocks: JSON {"version", "blocks": [[digits, carrier]]}
       python phone_plan.py samples   the reference's verdict on sample numbers of every 0xyz block:
                                      JSON {"version", "samples": [[number, verdict, carrier]]}

Digits are the national number after the trunk 0; a carrier is libphonenumber's English name
("" when it names none). Verdicts: valid, landline, wrong_length, unknown_prefix.
"""

import json
import sys

import phonenumbers
from phonenumbers import PhoneNumberType, carrier

MOBILE = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)
# Every mobile number has this many digits after the trunk 0 (checked below).
LENGTH = 9


def mobile_carrier(nsn):
    """The carrier's name if `nsn` is a valid mobile number, else None."""
    number = phonenumbers.parse("+84" + nsn)
    if phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in MOBILE:
        return carrier.name_for_number(number, "en")
    return None


def verdict(national):
    """The reference's answer for a number written `0…`, in the contract's terms."""
    nsn = national[1:]
    if nsn.startswith("2"):
        return "landline", ""
    if len(nsn) != LENGTH:
        return "wrong_length", ""
    name = mobile_carrier(nsn)
    return ("unknown_prefix", "") if name is None else ("valid", name)


def check_assumptions():
    vn = phonenumbers.PhoneMetadata.metadata_for_region("VN")
    assert tuple(vn.mobile.possible_length) == (LENGTH,), vn.mobile.possible_length
    # Fixed lines all begin with 2: what the contract calls a landline.
    assert vn.fixed_line.national_number_pattern.startswith("2"), vn.fixed_line.national_number_pattern


def four_digit_blocks():
    """Each four-digit start of a national number: None, or the carrier of every number in it."""
    blocks = {}
    for p in range(10_000):
        start = f"{p:04d}"
        seen = {mobile_carrier(start + tail) for tail in ("00000", "49999", "50000", "99999")}
        assert len(seen) == 1, f"{start}: the plan splits this block ({seen}); the table needs five digits"
        blocks[start] = seen.pop()
    return blocks


def compress(blocks):
    """The fewest starts that say the same: a start whose every four-digit block is alike."""
    out = []

    def emit(start):
        below = {v for k, v in blocks.items() if k.startswith(start)}
        if len(below) == 1:
            name = below.pop()
            if name is not None:
                out.append([start, name])
            return
        for d in "0123456789":
            emit(start + d)

    for d in "0123456789":
        emit(d)
    return out


def samples():
    out = []
    for block in range(1000):
        start = f"0{block:03d}"
        for tail in ("000000", "500000", "999999"):
            out.append([start + tail, *verdict(start + tail)])
        # One digit short and one too many.
        for number in (start + "00000", start + "0000000"):
            out.append([number, *verdict(number)])
    return out


check_assumptions()
version = phonenumbers.__version__
if sys.argv[1:] == ["blocks"]:
    print(json.dumps({"version": version, "blocks": compress(four_digit_blocks())}))
elif sys.argv[1:] == ["samples"]:
    print(json.dumps({"version": version, "samples": samples()}))
else:
    sys.exit(__doc__)
