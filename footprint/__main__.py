"""`python -m footprint COMMAND`: the organizers' and publishers' command line."""

import argparse
import sys

from footprint.commands import check, history, import_list, press_kit, publish, serve, set_password

# One module per command (footprint/commands/): each adds its parser and sets `run`.
COMMANDS = (check, set_password, serve, import_list, history, press_kit, publish)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m footprint", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.add_parser(commands)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
