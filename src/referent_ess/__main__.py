"""`python -m referent_ess` runs the same CLI as the `referent` command."""

from referent_ess.cli import main

if __name__ == "__main__":
    main()
