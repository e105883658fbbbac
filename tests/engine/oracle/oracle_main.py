"""Runs programs on the oracle loop under this interpreter (native CPython or Pyodide).

    python3 oracle_main.py FILE.py [--seed N]   the program's own stdout/stderr; exit status 0 when it
                                                ends normally, its sys.exit code, else 1 with a reason
    python3 oracle_main.py --batch              stdin: JSON [{source, fileName, seed}];
                                                stdout: JSON [{stdout, stderr, exitKind, exitCode, message}]
"""

import argparse
import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the sources in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from oracle_run import run_captured, run_program  # noqa: E402


def main(argv):
    parser = argparse.ArgumentParser(description="Run asyncio programs on the Loopscope oracle loop.")
    parser.add_argument("file", nargs="?")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch", action="store_true")
    args = parser.parse_args(argv)
    if args.batch:
        programs = json.load(sys.stdin)
        results = [run_captured(p["source"], p.get("fileName", "main.py"), p.get("seed", 0)) for p in programs]
        sys.stdout.write(json.dumps(results))
        return 0
    if not args.file:
        parser.error("give a FILE.py or --batch")
    with open(args.file, encoding="utf-8") as f:
        source = f.read()
    kind, code, message = run_program(source, os.path.basename(args.file), args.seed)
    sys.stdout.flush()
    if kind not in ("ok", "exit"):
        print(f"oracle: {message}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
