"""Words per answer, as a teen reads them: every scenario in every country, on the real
servers, at one local time (VIGIE_LOCAL_TIME, default 12:00). `make content-report`.

Prints, per scenario: the first bubble's words, the longest bubble, the words before the
buttons (the helpline list excluded), the same with the robot notice of a first contact, the
limits and the table test's verdict."""
import os
import sys

from tooling.content import COUNTRIES, TABLE, ask, first_contact, problems
from tooling.processes import Stack


def main() -> int:
    os.environ.setdefault("VIGIE_LOCAL_TIME", "12:00")
    stack = Stack().start()
    failed = 0
    try:
        print(f"Local time {os.environ['VIGIE_LOCAL_TIME']}; words: first bubble / longest / before the buttons"
              " / as a first contact (robot notice included)")
        print(f"{'answer':<24}" + "".join(f"{c:>17}" for c in COUNTRIES) + "   limits")
        rows = [(name, spec, spec["message"], TABLE["limits"]) for name, spec in TABLE["scenarios"].items()]
        rows += [(name, spec, f"/{name}", TABLE["followup_limits"]) for name, spec in TABLE["followups"].items()]
        for name, spec, message, limits in rows:
            cells = []
            for country in COUNTRIES:
                answer = ask(stack, f"report-{name}-{country}", country, message)
                counts = answer.counts or [0]
                bad = problems(name, spec, country, answer, limits)
                failed += bool(bad)
                cells.append(f"{counts[0]}/{max(counts)}/{sum(counts)}/{first_contact(counts)}{' ✗' if bad else ''}")
            print(f"{name:<24}" + "".join(f"{c:>17}" for c in cells)
                  + f"   {limits['first']}/{limits['bubble']}/{limits['total']}/{limits.get('first_contact', '-')}")
    finally:
        stack.stop()
    print("all within the table" if not failed else f"{failed} answers break the table (make test-py shows why)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
