#!/usr/bin/env python3
"""AI4I 2020: how high can a one-row classifier's machine-failure F1 go?  (analysis only; standard library)

Counts the failure modes, checks that the dataset's documented failure rules reproduce the HDF/PWF/OSF columns, and
works out the F1 of a perfect learner of those rules, how much predicting tool-wear failures from the wear alone would
change it, and what the floating-point ties at a temperature rise of 8.6 K cost a learner that cannot split them.
The rule thresholds appear here to *measure* the ceiling; no model is given them (see bench/results/maintain.md).

Usage: bench/analysis/ai4i_ceiling.py [../shared/data/ai4i2020/ai4i2020_dev.csv]
"""
import csv
import math
import sys


def f1(tp, fp, fn):
    return 2 * tp / (2 * tp + fp + fn)


def main(path):
    rows = list(csv.DictReader(open(path, newline="")))
    value = lambda r, k: float(r[k])
    overstrain_limit = {"L": 11000, "M": 12000, "H": 13000}
    failures = sum(r["Machine failure"] == "1" for r in rows)
    print(f"rows {len(rows)}, failures {failures}")
    for mode in ("TWF", "HDF", "PWF", "OSF", "RNF"):
        flagged = [r for r in rows if r[mode] == "1"]
        print(f"  {mode}: {len(flagged)} rows, {sum(r['Machine failure'] == '1' for r in flagged)} labelled failures")

    def rules(r):
        rise = value(r, "Process temperature [K]") - value(r, "Air temperature [K]")
        rpm = value(r, "Rotational speed [rpm]")
        torque = value(r, "Torque [Nm]")
        power = torque * rpm * 2 * math.pi / 60
        strain = value(r, "Tool wear [min]") * torque
        return rise < 8.6 and rpm < 1380, power < 3500 or power > 9000, strain > overstrain_limit[r["Type"]]

    mismatched = sum(rules(r) != (r["HDF"] == "1", r["PWF"] == "1", r["OSF"] == "1") for r in rows)
    ruled = [r for r in rows if any(rules(r))]
    ruled_failures = sum(r["Machine failure"] == "1" for r in ruled)
    print(f"rule results differing from the HDF/PWF/OSF columns: {mismatched}; rows meeting a rule: {len(ruled)}, "
          f"of which failures: {ruled_failures}")
    tool_wear_only = sum(r["Machine failure"] == "1" and r["TWF"] == "1" and not any(rules(r)) for r in rows)
    no_mode = sum(r["Machine failure"] == "1" and not any(r[m] == "1" for m in ("TWF", "HDF", "PWF", "OSF", "RNF"))
                  for r in rows)
    print(f"failures outside the rules: {failures - ruled_failures} ({tool_wear_only} tool-wear only, {no_mode} no mode)")
    missed = failures - ruled_failures
    print(f"perfect rule learner: F1 {f1(ruled_failures, 0, missed):.4f}; with one error "
          f"{f1(ruled_failures - 1, 0, missed + 1):.4f} (missed) / {f1(ruled_failures, 1, missed):.4f} (false alarm); "
          f"with two {f1(ruled_failures - 2, 0, missed + 2):.4f} / {f1(ruled_failures, 2, missed):.4f}")

    print("also predicting failure for every non-rule row at or above a tool wear of W minutes:")
    for wear in (200, 210, 220, 230, 240):
        region = [r for r in rows if not any(rules(r)) and value(r, "Tool wear [min]") >= wear]
        hits = sum(r["Machine failure"] == "1" for r in region)
        print(f"  W {wear}: {len(region)} rows, failure rate {hits / max(1, len(region)):.3f} -> F1 "
              f"{f1(ruled_failures + hits, len(region) - hits, missed - hits):.4f}")
    print("  (adding rows raises F1 only if their failure rate exceeds F1/2, about 0.45)")

    ties = {}
    for r in rows:
        rise = value(r, "Process temperature [K]") - value(r, "Air temperature [K]")
        if abs(rise - 8.6) < 1e-9 and value(r, "Rotational speed [rpm]") < 1380:
            key = (repr(rise), r["HDF"])
            ties[key] = ties.get(key, 0) + 1
    print("rows with a nominal rise of 8.6 K below 1380 rpm, by the double the subtraction gives, and HDF:")
    for (rise, hdf), count in sorted(ties.items()):
        print(f"  {rise}  HDF={hdf}: {count}")
    tied_failures = sum(c for (_, hdf), c in ties.items() if hdf == "1")
    tied_healthy = sum(c for (_, hdf), c in ties.items() if hdf == "0")
    best_without = max(f1(ruled_failures - tied_failures, 0, missed + tied_failures),
                       f1(ruled_failures, tied_healthy, missed))
    print(f"ceiling for a learner that cannot tell those rises apart: F1 {best_without:.4f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ai4i2020/ai4i2020_dev.csv")
