"""The statistical event-type classifier: hashed parse features + multinomial logistic regression.

It complements the trigger lexicon: the lexicon proposes a trigger and a type, and the events
stage blends the classifier's probability for that type (over the whole sentence, scored in one
batch per document: `batch_span_probabilities`) into the event's confidence
(`newsgraph.events.confidence`). Re-ranking ambiguous triggers, dropping improbable ones and
classifier-only events (`propose`) were measured on the PLOVER gold and not adopted. Weights and
the training corpus ship in `data/`.
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
