"""The statistical event-type classifier: hashed parse features + multinomial logistic regression.

It complements the trigger lexicon: the lexicon proposes a trigger and a type, the classifier
confirms or re-ranks it (`probability`), and on its own proposes an event only above a high
threshold (`propose`). Weights and the training corpus ship in `data/`.
"""

from newsgraph.events.classifier.features import featurize
from newsgraph.events.classifier.model import (
    NO_EVENT,
    PROPOSE_THRESHOLD,
    EventTypeClassifier,
    Prediction,
    default_classifier,
)

__all__ = [
    "NO_EVENT",
    "PROPOSE_THRESHOLD",
    "EventTypeClassifier",
    "Prediction",
    "default_classifier",
    "featurize",
]
