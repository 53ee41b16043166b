"""The command line: `python -m ideas.pb results FILE.pb --rule greedy|mes`."""

import argparse
import sys

import ideas.pb as package

from .files import PBError, read_pb
from .rules import RULES, compute


def main(argv=None) -> int:
    """Run the command line: `results FILE.pb --rule greedy|mes` prints the winners, one id per line."""
    parser = argparse.ArgumentParser(prog="python -m ideas.pb", description=package.__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    results = commands.add_parser("results", help="print the winning project ids, one per line")
    results.add_argument("file")
    results.add_argument("--rule", choices=RULES, default="greedy")
    results.add_argument("--explain", action="store_true", help="also print votes, cost and the reason")
    args = parser.parse_args(argv)
    try:
        instance, profile = read_pb(args.file)
        outcome = compute(instance, profile, args.rule)
    except (OSError, PBError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for project_id in outcome.winners:
        print(project_id)
    if args.explain:
        for p in outcome.projects:
            print(f"# {p.project_id}\tvotes={p.votes}\tcost={p.cost}\t{p.reason}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
