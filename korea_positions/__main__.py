"""Entry point for `kpos` and `python -m korea_positions`."""

from korea_positions.cli.run import main

if __name__ == "__main__":
    main()
