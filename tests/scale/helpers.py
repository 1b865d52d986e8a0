"""Our own small articles and a corpus file for the scale tests (no shared data needed)."""

from __future__ import annotations

from newsgraph.settings import Settings

ARTICLES = {
    "nairobi-trade.txt": (
        "Kenya and Tanzania agree to ease border trade\n\n"
        "NAIROBI (Reuters) - Kenyan President William Ruto met Tanzanian President Samia "
        "Suluhu Hassan in Nairobi on Tuesday and agreed to remove tariffs on maize. "
        '"We will open the border posts by March," Ruto told reporters.\n'
    ),
    "lima-fishing.txt": (
        "Peru accuses Chile over fishing fleet\n\n"
        "Peru's foreign ministry on Monday accused Chile of letting trawlers enter its waters "
        "and summoned the Chilean ambassador. Santiago denied the claim on Wednesday.\n"
    ),
    "oslo-talks.txt": (
        "Norway to host Colombia peace talks\n\n"
        "Norway will host a new round of talks between the Colombian government and the ELN "
        "rebels next week, Foreign Minister Espen Barth Eide said on Friday. "
        '"Both sides asked us to help," he said.\n'
    ),
    "jakarta-visit.txt": (
        "Australian prime minister visits Jakarta\n\n"
        "Australian Prime Minister Anthony Albanese arrived in Jakarta on Thursday for talks "
        "with Indonesian President Prabowo Subianto on defence cooperation.\n"
    ),
    "empty.txt": "   \n",
}
CORPUS = [
    {
        "id": "wire-0001",
        "published": "2025-03-04",
        "title": "Ghana and Togo sign power deal",
        "text": "Ghana and Togo signed an electricity supply agreement in Accra on Monday.",
    },
    {"id": "wire-0002", "text": ""},
]
SETTINGS = Settings(db_url="sqlite:///:memory:", batch_size=2)
"""Small batches, so a partition holds several spaCy batches."""
