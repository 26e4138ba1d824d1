"""The values that pass between stages and to the outside, and nothing else.

Readers make a ``layout.Layout``; ``genre`` makes a ``classification.Classification``;
parsers and facts make a ``paper.Paper``; ``query`` makes a ``query.Query``; a search
answers with ``results.SearchResult``; ``errors`` holds the errors boardpapers raises on
purpose. Every stage imports these modules and never another stage's internals; they
import nothing of boardpapers but each other.
"""
