"""Command line: each command parses arguments and calls one library function."""

import typer

app = typer.Typer(help="Read, understand and search UK local government board papers.")


@app.command()
def version() -> None:
    """Print the version."""
    from boardpapers import __version__
    typer.echo(__version__)
