#!/usr/bin/env python3
"""Reference program for Anju's lottery (anju-draw-v1), independent of the Java code.

Usage: python3 draw.py CANDIDATES_FILE SEED
CANDIDATES_FILE: one application number per line (UTF-8; letters, digits, - and _).
Prints the candidates' SHA-256, then the order (position<TAB>number), then the result's SHA-256.
"""
import hashlib
import sys

ALGORITHM = "anju-draw-v1"


def draw(numbers, seed):
    numbers = sorted(set(numbers))                       # 1. sort ascending (byte order), no duplicates
    listed = "".join(n + "\n" for n in numbers)
    candidates_hash = hashlib.sha256(listed.encode()).hexdigest()
    key = hashlib.sha256(f"{ALGORITHM}\n{candidates_hash}\n{seed}".encode()).digest()
    counter = 0

    def below(n):                                        # uniform in [0, n), rejection sampling
        nonlocal counter
        excess = (2 ** 64) % n
        while True:
            block = hashlib.sha256(key + counter.to_bytes(8, "big")).digest()
            counter += 1
            v = int.from_bytes(block[:8], "big")
            if excess == 0 or v < 2 ** 64 - excess:
                return v % n

    a = list(numbers)
    for i in range(len(a) - 1, 0, -1):                   # 2. Fisher–Yates from the last position down
        j = below(i + 1)
        a[i], a[j] = a[j], a[i]
    result_hash = hashlib.sha256("".join(n + "\n" for n in a).encode()).hexdigest()
    return candidates_hash, a, result_hash


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        names = [line.strip() for line in f if line.strip()]
    c, order, r = draw(names, sys.argv[2])
    print("candidates", c)
    for pos, n in enumerate(order, 1):
        print(pos, n, sep="\t")
    print("result", r)
