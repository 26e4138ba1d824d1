"""The words of UK board papers, in English and Welsh, and the one place dates are read.

``calendar`` holds months and weekdays; ``labels`` the report-template labels; ``dates``
the date reader every stage uses (readers, parsers and facts alike) with its patterns in
``date_patterns``; ``text.fold`` the one whitespace normaliser. They import nothing of
boardpapers but each other and ``model``.
"""
