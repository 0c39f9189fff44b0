"""Which of the brief's ranked names to show: a learned keep-or-drop decision.

The small spaCy model types a brand as a person, a mountain as an organisation, and
lists "Mr. Kim" and "Kim" beside "Kim Jong-nam"; each rule the entity stage gained
caught the few names it was written for. What separates a right name from a wrong one
in the hand-checked lists is mostly evidence the merged entity already carries: how
often and in how many articles it is named, whether it has a role, whether one of its
spellings carries a courtesy title, its shape (one word, an acronym, stray
punctuation), its type, and whether another listed name already holds it (a surname,
the same name under another type, an acronym). A logistic regression over these
(`FEATURES`), fitted on hand verdicts (`storyline.evaluation.train_entity_keep`) and
shipped as a small array file, gives each name a probability of being right; the
brief shows names above `threshold` (chosen on held-out folds of the training
verdicts). Without the file the old rule applies (see `caps._entities`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .. import linear
from ..analysis.entity_rules import GENERIC_ORG_HEADS, INSTITUTIONS, PLACE_HEADS
from ..analysis.matching import is_titled
from ..analysis.names import acronym, has_given_names, is_given_name, is_region
from ..model import Entity

SHIPPED = Path(__file__).parent / "data" / "entity_keep.npz"
LIST = 30  # names judged together: the relational features look this far down the list

TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "PRODUCT", "FAC")
FEATURES = (
    *(f"type_{t}" for t in TYPES),
    "type_other",
    "log_mentions",
    "log_documents",
    "share_of_documents",  # documents naming it / documents in the cluster
    "one_mention",
    "two_mentions",
    "has_role",
    "has_organisation",
    "one_word",
    "three_words_or_more",
    "all_caps",  # "VX", "AP"
    "odd_characters",  # brackets, digits, a full stop inside a word
    "titled",  # the name itself is "Mr. X"
    "titled_alias",  # one of its spellings is "Mr. X"/"Ms. X": a person
    "log_aliases",
    "person_one_word",
    "org_head",  # last word an organisation head ("Committee", "Party")
    "place_head",  # last word a place head ("County", "River")
    "word_of_longer_name",  # each word is a word of another listed name
    "acronym_of_listed",  # the initials of another listed name
    "rank",  # position in the ranked list / 20
    "given_first",  # first word (after a courtesy title) a given name in the name lists
    "person_not_given",  # a person whose first word is no given name ("Mondelez")
    "place_given_one_word",  # a one-word place that is a given name ("Sara", "Marcy")
    "region",  # a place that is a country or a first-level region (ISO 3166)
    "person_part_of_listed_person",  # "Mr. Kim", "Kim" beside "Kim Jong-nam"
    "lone_word_of_listed_person",  # the same, one word: a duplicate or an unresolved surname
    "not_person_given_two_words",  # "Hillary Clinton" typed an organisation
    "holds_more_mentioned_name",  # "Gaza Strip" beside a more mentioned "Gaza"
)
_ODD = re.compile(r"[\d()\[\]/@#|:;!?\"]|\.\w{2}")
_TITLE_WORDS = frozenset({"mr.", "mrs.", "ms.", "mr", "mrs", "ms", "dr.", "dr", "miss"})


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", name.casefold()) if w and w not in _TITLE_WORDS]


def features(entities: Sequence[Entity], documents: int) -> list[list[float]]:
    """One row of FEATURES per entity of a ranked list (the list decides the relational
    features: a name is judged beside the names ranked with it)."""
    word_sets = [set(_words(e.name)) for e in entities]
    initials = {acronym(e.name) for e in entities if len(e.name.split()) > 1} - {None}
    rows = []
    for i, e in enumerate(entities):
        words = e.name.split()
        mine = word_sets[i]
        longer = any(j != i and mine and mine < word_sets[j] for j in range(len(entities)))
        last = words[-1].casefold().strip(".") if words else ""
        bare = [w for w in words if w.casefold() not in _TITLE_WORDS] or words
        given = bool(bare) and is_given_name(bare[0])
        place = e.type in ("GPE", "LOC")
        part_of_person = e.type == "PERSON" and any(
            j != i and entities[j].type == "PERSON" and mine and mine < word_sets[j]
            for j in range(len(entities))
        )
        holds = any(
            j != i and word_sets[j] and word_sets[j] < mine and entities[j].mentions >= e.mentions
            for j in range(len(entities))
        )
        row = [float(e.type == t) for t in TYPES]
        row.append(float(e.type not in TYPES))
        row += [
            math.log1p(e.mentions),
            math.log1p(e.documents),
            e.documents / max(documents, 1),
            float(e.mentions == 1),
            float(e.mentions == 2),
            float(bool(e.role)),
            float(bool(e.organisation)),
            float(len(words) == 1),
            float(len(words) >= 3),
            float(e.name.replace(".", "").isupper()),
            float(bool(_ODD.search(e.name))),
            float(is_titled(e.name)),
            float(any(is_titled(a) for a in e.aliases)),
            math.log1p(len(e.aliases)),
            float(e.type == "PERSON" and len(words) == 1),
            float(last in GENERIC_ORG_HEADS or last in INSTITUTIONS),
            float(last in PLACE_HEADS),
            float(longer),
            float(e.name.replace(".", "").upper() in initials and len(words) == 1),
            min(i, 40) / 20.0,
            float(given),
            float(e.type == "PERSON" and not given),
            float(place and len(words) == 1 and given),
            float(place and is_region(e.name)),
            float(part_of_person),
            float(part_of_person and len(bare) == 1),
            float(
                e.type != "PERSON"
                and len(words) == 2
                and given
                and last not in GENERIC_ORG_HEADS
                and last not in PLACE_HEADS
                and last not in INSTITUTIONS
            ),
            float(holds),
        ]
        rows.append(row)
    return rows


@dataclass(frozen=True, slots=True)
class KeepModel(linear.Model):
    """Logistic regression weights over FEATURES, and the probability a name needs."""

    FEATURES = FEATURES
    SHIPPED = SHIPPED


@cache
def shipped() -> KeepModel | None:
    """The shipped model, or None when the file is absent or the given-name lists (the
    optional `names` extra) are missing: its given-name features would read 0 for
    everyone, so the count rule decides instead."""
    return KeepModel.load() if SHIPPED.exists() and has_given_names() else None
