"""One module per `python -m footprint` command, each with `add_parser(commands)` and
`run(args) -> int`, so a new command is a new file and one line in `footprint.__main__`."""
