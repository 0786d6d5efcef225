"""Entity ids: slugs as the plain regular-expression reading gives them."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import names


def _reference_slug(name: str) -> str:
    """:func:`names.slug` as it was written first: ``re.sub`` with the pattern as a string."""
    s = names.strip_accents(name).lower().replace("’", "'").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "x"


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.text(max_size=12),
        st.text(alphabet="aZ09 -'’.éÇ\u00a8İß", max_size=12),
        st.sampled_from(["Ismail Demir", "François", "O’Neill", "", "---", "Türkiye", "ǅ"]),
    )
)
def test_slug_is_the_regular_expression_reading(name):
    assert names.slug.__wrapped__(name) == _reference_slug(name)


def test_entity_ids():
    assert names.make_entity_id("GPE", "Türkiye", "TUR") == "gpe:TUR"
    assert names.make_entity_id("NORP", "Turkish", "TUR") == "norp:TUR"
    assert names.make_entity_id("PERSON", "Ismail Demir") == "person:ismail-demir"
    assert names.make_entity_id("ORG", "O’Neill & Co.") == "org:oneill-co"
    assert names.make_entity_id("PERSON", "!!!") == "person:x"
