"""bible-kjv's verse listing -> one chapter per line, verse numbers dropped, wrapped lines joined.

The listing has a blank line, a heading ("Genesis 1"), a blank line, then verses ("  1 In the beginning ...") whose
long lines wrap onto unindented continuation lines.
Usage: python chapters.py kjv.txt chapters.txt
"""
import re
import sys


def chapters(lines):
    out, after_blank = [], True
    for line in lines:
        if not line.strip():
            after_blank = True
            continue
        if after_blank and not line.startswith(" "):
            out.append([])
        else:
            verse = re.match(r"^\s+\d+ (.*)$", line)
            if verse:
                out[-1].append(verse.group(1))
            else:
                out[-1][-1] += " " + line.strip()
        after_blank = False
    return [" ".join(verses) for verses in out]


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        result = chapters(f.read().split("\n"))
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write("\n".join(result) + "\n")
    print(f"{len(result)} chapters")
