"""Quotes: who said what — direct, partial and indirect speech with speakers, cues and relays."""

from newsgraph.quotes.stage import QuoteStage, find_quotes

__all__ = ["QuoteStage", "find_quotes"]
