"""``python -m boardpapers``: the same program as the ``boardpapers`` command."""

from boardpapers.launch import main

main()
