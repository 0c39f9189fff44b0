"""Who and what an article mentions: people, organisations, places, products.

spaCy's small English model finds most names but makes predictable mistakes on
news text, worse still on text with its punctuation stripped ("U S" tagged as an
organisation, "Huawei (STOCK" as one name, "CTO Li Sanqi" as a person, "5G" as a
company). This component keeps spaCy's entities and runs them through one stage
per job, each in its own module, in the order `extract_entities` shows:

- `entity_candidates`: the spans to start from, repaired and completed (acronyms
  such as "EMC", product codes such as "Ascend P2", bare surnames);
- `non_players`: credits, datelines and other names that are no player, dropped;
- `entity_types`: person, organisation, place or product, from the words around;
- `affiliations`: the title and organisation written around a person;
- `entity_merge`: short forms resolved inside one document ("Chang" -> "Jimmie
  Chang") and one spelling per referent.

The rule tables live in `storyline.analysis.entity_rules`, name normalisation in
`storyline.analysis.names`; their public helpers are re-exported here for the
modules that import them from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Analysis, EntityMention, Turn
from .affiliations import (
    attach_role,
    dominant_org,
    family_names,
    family_role,
    name_title,
    person_traits,
    strip_leading_title,
    unit_scope,
)
from .entity_candidates import (
    add_acronyms,
    add_caps_labels,
    add_products,
    add_surnames,
    defined_acronyms,
    drop_common_words,
    extend_people,
    model_candidates,
)
from .entity_merge import (
    apply_turns,
    canonicalise,
    link_short_forms,
    resolve_titled_surnames,
    to_mention,
)
from .entity_rules import (
    ANAPHORIC_OWNERS,
    COUNTRY_ALIASES,
    GENERIC_ORG_HEADS,
    NAME_TITLES,
    PLACE_HEADS,
)
from .entity_types import fix_types, place_types
from .furniture import furniture_spans, inside
from .names import (
    acronym,
    canonical_name,
    clean_surface,
    country_name,
    generic_org,
    is_name_word,
    is_place_name,
    leading_org,
    name_key,
    resolve_short_name,
    same_word,
    similar,
    strip_corporate_suffix,
    used_as_place,
)
from .non_players import drop_non_players
from .registry import register
from .roles import CHILD_ROLE

__all__ = [
    "ANAPHORIC_OWNERS",
    "COUNTRY_ALIASES",
    "GENERIC_ORG_HEADS",
    "NAME_TITLES",
    "PLACE_HEADS",
    "EntityRecognizer",
    "acronym",
    "canonical_name",
    "clean_surface",
    "country_name",
    "extract_entities",
    "generic_org",
    "is_name_word",
    "is_place_name",
    "leading_org",
    "name_key",
    "person_traits",
    "resolve_short_name",
    "same_word",
    "similar",
    "strip_corporate_suffix",
    "unit_scope",
    "used_as_place",
]


@register
class EntityRecognizer:
    """Analysis component: fills `analysis.entities` (see the module docstring)."""

    name = "entities"
    version = "6"  # 6: a removed transcript label is one mention a document; 4: non-players, junk and type evidence, inline furniture; 5: past posts, titles of the next name, leading names
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("entities",)

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.nlp
        if doc is None:
            from .nlp import load_nlp

            doc = load_nlp()(analysis.document.text)
        entities = extract_entities(analysis.document.text, doc, analysis.document.turns)
        furniture = furniture_spans(analysis.document)
        # a crawl notice or caption names no one in the story ("Alexa" in an archive notice)
        analysis.entities = [e for e in entities if not inside(furniture, e.start)]
        return analysis


def extract_entities(text: str, doc: Any = None, turns: Sequence[Turn] = ()) -> list[EntityMention]:
    """Entity mentions of `text` (offsets into it); `doc` is its spaCy Doc if parsed."""
    if doc is None:
        from .nlp import load_nlp

        doc = load_nlp()(text)
    cands = model_candidates(doc)
    extend_people(doc, cands)
    cands = add_caps_labels(doc, cands)
    cands = add_acronyms(doc, cands)
    cands = add_products(doc, cands)
    cands = drop_common_words(doc, cands)
    cands, dropped = drop_non_players(doc, cands)
    cands = defined_acronyms(doc, cands)
    fix_types(doc, cands)
    link_short_forms(doc, cands, [t.organisation for t in turns if t.organisation])
    dominant = dominant_org(doc, cands)
    families = family_names(doc, cands)
    for cand in cands:
        if cand.type == "PERSON":
            titled = name_title(doc, cand)
            strip_leading_title(doc, cand)
            if not titled:
                attach_role(doc, cand, cands, dominant)
            if cand.role is None and cand.end - cand.start > 1:
                role = family_role(doc, cand)
                # a relation is a role only where it tells a family apart (a child, or one
                # of two people of a surname), never a post to compare across articles
                if role == CHILD_ROLE or doc[cand.end - 1].text in families:
                    cand.role = role
    cands = add_surnames(doc, cands, dropped)
    resolve_titled_surnames(doc, cands)
    mentions = [to_mention(doc, c) for c in sorted(cands, key=lambda c: c.start)]
    mentions = apply_turns(text, mentions, turns)
    canonicalise(mentions)
    place_types(text, mentions)
    return mentions
