"""Entities: recognition, normalisation (aliases, short names, titles), metonymy, robustness."""

import re
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, eval_path
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import find_entities
from analysis.document import Document
from analysis.entities import entity_step
from analysis.tables import SCHEMAS


def rows(text, **kw):
    df = find_entities(text, **kw)
    return [
        (r.text, r.label, r.entity_id, r.canonical_name, r.country, r.role)
        for r in df.itertuples(index=False)
    ]


def by_text(text, **kw):
    return {r[0]: r for r in rows(text, **kw)}


# --- the seed article -------------------------------------------------------------------------

SEED_EXPECTED = [
    # (entity_id, label, canonical_name)
    ("person:ismail-demir", "PERSON", "Ismail Demir"),
    ("person:joe-biden", "PERSON", "Joe Biden"),
    ("org:presidency-of-defence-industries", "ORG", "Presidency of Defence Industries"),
    ("org:nato", "ORG", "NATO"),
    ("org:azernews", "ORG", "Azernews"),
    ("org:ypg", "ORG", "YPG"),
    ("gpe:TUR", "GPE", "Türkiye"),
    ("norp:TUR", "NORP", "Turkish"),
    ("gpe:USA", "GPE", "United States"),
    ("norp:USA", "NORP", "American"),
    ("gpe:AZE", "GPE", "Azerbaijan"),
    ("norp:AZE", "NORP", "Azerbaijani"),
    ("gpe:RUS", "GPE", "Russia"),
    ("gpe:CAN", "GPE", "Canada"),
    ("gpe:FRA", "GPE", "France"),
    ("gpe:GBR", "GPE", "United Kingdom"),
    ("gpe:DEU", "GPE", "Germany"),
    ("gpe:IDN", "GPE", "Indonesia"),
    ("gpe:PAK", "GPE", "Pakistan"),
    ("gpe:MYS", "GPE", "Malaysia"),
    ("norp:ARM", "NORP", "Armenian"),
    ("loc:karabakh", "LOC", "Karabakh"),
    ("loc:north-east-syria", "LOC", "north-east Syria"),
    ("product:f-35", "PRODUCT", "F-35"),
    ("product:s-400", "PRODUCT", "S-400"),
    ("law:national-defense-authorization-act", "LAW", "National Defense Authorization Act"),
]


@pytest.fixture(scope="module")
def seed_entities():
    path = sorted(SEEDS.glob("*.txt"))[0]
    return find_entities(path.read_text("utf-8"))


@pytest.mark.parametrize("entity_id, label, canonical", SEED_EXPECTED)
def test_seed_yields_every_named_entity(seed_entities, entity_id, label, canonical):
    hits = seed_entities[seed_entities["entity_id"] == entity_id]
    assert len(hits), f"{entity_id} not found"
    assert set(hits["label"]) == {label}
    assert set(hits["canonical_name"]) == {canonical}


def test_seed_aliases_collapse_to_turkiye(seed_entities):
    turkiye = seed_entities[seed_entities["entity_id"] == "gpe:TUR"]
    assert {"Turkiye", "Turkey", "Ankara"} <= set(turkiye["text"])
    usa = seed_entities[seed_entities["entity_id"] == "gpe:USA"]
    assert {"US", "Washington"} <= set(usa["text"])  # Washington from Washington-led


def test_seed_has_no_spurious_person_or_org(seed_entities):
    persons = set(seed_entities.loc[seed_entities["label"] == "PERSON", "canonical_name"])
    assert persons <= {"Ismail Demir", "Joe Biden", "Fatima Hasanova"}
    orgs = set(seed_entities.loc[seed_entities["label"] == "ORG", "canonical_name"])
    assert orgs == {"Presidency of Defence Industries", "NATO", "Azernews", "YPG"}


def test_seed_roles_and_affiliations(seed_entities):
    demir = seed_entities[(seed_entities["text"] == "Ismail Demir")].iloc[0]
    assert (demir["role"], demir["country"]) == ("head", "TUR")
    biden = seed_entities[(seed_entities["text"] == "Joe Biden")].iloc[0]
    assert (biden["role"], biden["country"]) == ("President", "USA")
    pdi = seed_entities[seed_entities["entity_id"] == "org:presidency-of-defence-industries"]
    assert set(pdi["country"]) == {"TUR"}


def test_seed_in_pipeline_has_schema_columns(seed_analysis):
    ents = seed_analysis.entities
    assert list(ents.columns[: len(SCHEMAS["entities"])]) == list(SCHEMAS["entities"])
    assert len(ents) > 30
    text = seed_analysis.articles["text"].iloc[0]
    for r in ents.itertuples():
        assert text[r.start : r.end] == r.text


# --- aliases ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, mention, entity_id, canonical",
    [
        ("Officials in Türkiye said talks would go on.", "Türkiye", "gpe:TUR", "Türkiye"),
        ("Exports from Turkey rose sharply last year.", "Turkey", "gpe:TUR", "Türkiye"),
        ("The deal was signed by Turkiye and Qatar.", "Turkiye", "gpe:TUR", "Türkiye"),
        ("Sanctions imposed by the U.S. remain in place.", "U.S.", "gpe:USA", "United States"),
        (
            "The United States and Japan agreed on tariffs.",
            "United States",
            "gpe:USA",
            "United States",
        ),
        ("A Washington-led coalition struck again.", "Washington", "gpe:USA", "United States"),
        ("Britain left the bloc in 2020.", "Britain", "gpe:GBR", "United Kingdom"),
        ("Exports to the UK fell.", "UK", "gpe:GBR", "United Kingdom"),
        ("Russia's gas exports fell.", "Russia", "gpe:RUS", "Russia"),
        ("Moscow rejected the proposal on Monday.", "Moscow", "gpe:RUS", "Russia"),
        ("He met Turkish and Azerbaijani officials.", "Azerbaijani", "norp:AZE", "Azerbaijani"),
        ("Many Turks voted early.", "Turks", "norp:TUR", "Turkish"),
        ("It criticised pro-Russian groups.", "Russian", "norp:RUS", "Russian"),
        ("The EU and the United Nations disagreed.", "EU", "org:european-union", "European Union"),
        (
            "Fighting resumed in Nagorno-Karabakh overnight.",
            "Nagorno-Karabakh",
            "loc:karabakh",
            "Karabakh",
        ),
        (
            "Troops moved into northeast Syria.",
            "northeast Syria",
            "loc:north-east-syria",
            "north-east Syria",
        ),
        ("Rwandan troops crossed the border.", "Rwandan", "norp:RWA", "Rwandan"),
        ("Islamabad and New Delhi traded accusations.", "New Delhi", "gpe:IND", "India"),
    ],
)
def test_aliases_collapse_to_one_entity(sentence, mention, entity_id, canonical):
    found = by_text(sentence)
    assert mention in found, found
    assert found[mention][2] == entity_id
    assert found[mention][3] == canonical


def test_metonymy_switch():
    text = "Ankara bought the S-400 system despite warnings."
    on = by_text(text)["Ankara"]
    off = by_text(text, metonymy=False)["Ankara"]
    assert on[1:5] == ("GPE", "gpe:TUR", "Türkiye", "TUR")
    assert off[1:5] == ("GPE", "gpe:ankara", "Ankara", "TUR")


def test_capital_after_locative_preposition_stays_a_city():
    found = by_text("Delegations met in Ankara and Moscow protested.")
    assert found["Ankara"][2] == "gpe:ankara"
    assert found["Moscow"][2] == "gpe:RUS"


# --- short names and titles -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, short, full",
    [
        ("Angela Merkel arrived on Tuesday. Merkel said little.", "Merkel", "Angela Merkel"),
        ("Prime Minister Mark Rutte resigned. Later Rutte spoke.", "Rutte", "Mark Rutte"),
        (
            "The plan was drafted by Sarah Connolly. Connolly denied it.",
            "Connolly",
            "Sarah Connolly",
        ),
        ("Demir spoke first. Then Ismail Demir left the room.", "Demir", "Ismail Demir"),
        # `Bush` is also a town in the gazetteer (canonical `Būsh`): the article's person wins
        ("Jeb Bush campaigned in Iowa. Later, Bush spoke to donors.", "Bush", "Jeb Bush"),
    ],
)
def test_short_names_resolve_to_full_name(text, short, full):
    df = find_entities(text)
    short_rows = df[df["text"] == short]
    assert len(short_rows) == 1
    assert short_rows.iloc[0]["label"] == "PERSON"
    assert short_rows.iloc[0]["canonical_name"] == full
    assert short_rows.iloc[0]["entity_id"] == "person:" + full.lower().replace(" ", "-")


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Erdogan met Putin in Sochi on Monday.",
            {
                ("Erdogan", "PERSON", "Recep Tayyip Erdogan"),
                ("Putin", "PERSON", "Vladimir Putin"),
                ("Sochi", "GPE", "Sochi"),
            },
        ),  # fmt: skip
        # `Obama` is also a town in Japan
        ("The Obama administration rejected it.", {("Obama", "PERSON", "Barack Obama")}),
        # a title before a listed surname: the same figure
        (
            "President Erdogan replied.",
            {("Erdogan", "PERSON", "Recep Tayyip Erdogan")},
        ),
        # a listed surname inside a longer name is not split off
        ("Naina Yeltsin had an operation.", {("Naina Yeltsin", "PERSON", "Naina Yeltsin")}),
    ],
)
def test_public_figures_by_surname(text, expected):
    assert {(r[0], r[1], r[3]) for r in rows(text)} == expected


def test_title_case_headline_is_read_like_a_caps_headline():
    text = (
        "Hillary Clinton Reassures House Democrats 2016 Is Not Just About Her.\n\n"
        "Presumptive nominee Hillary Clinton met House Democrats on Wednesday."
    )
    first = {r[0] for r in rows(text) if r[0].startswith("Hillary")}
    assert first == {"Hillary Clinton"}  # not `Hillary Clinton Reassures House Democrats`


def test_surname_shared_by_two_people_is_a_person_not_a_place():
    df = find_entities("Hillary Clinton and Bill Clinton arrived. Later, Clinton spoke.")
    row = df[df["text"] == "Clinton"].iloc[0]
    assert (row["label"], row["canonical_name"]) == ("PERSON", "Clinton")


def test_ambiguous_short_name_is_not_merged():
    df = find_entities("John Smith and Anna Smith arrived. Smith spoke.")
    assert "Smith" not in set(df.loc[df["text"] == "Smith", "canonical_name"]) - {"Smith"}
    assert not (
        df["canonical_name"].isin(["John Smith", "Anna Smith"]) & (df["text"] == "Smith")
    ).any()


@pytest.mark.parametrize(
    "sentence, person, role, country",
    [
        ("US President Joe Biden signed the bill.", "Joe Biden", "President", "USA"),
        ("German Chancellor Olaf Scholz travelled to Paris.", "Olaf Scholz", "Chancellor", "DEU"),
        (
            "Foreign Minister Mevlut Cavusoglu arrived.",
            "Mevlut Cavusoglu",
            "Foreign Minister",
            None,
        ),
        (
            "Turkish Presidency of Defence Industries head Ismail Demir spoke.",
            "Ismail Demir",
            "head",
            "TUR",
        ),
        (
            "The company's spokesman Peter Brandt declined to comment.",
            "Peter Brandt",
            "spokesman",
            None,
        ),
        ("Mr. Holloway denied the report.", "Holloway", "Mr.", None),
        ("Gen. Mark Milley briefed reporters.", "Mark Milley", "Gen.", None),
    ],
)
def test_titles_are_split_off(sentence, person, role, country):
    found = by_text(sentence)
    assert person in found, found
    text, label, _, canonical, got_country, got_role = found[person]
    assert (label, canonical, got_role) == ("PERSON", person, role)
    if country:
        assert got_country == country


def test_nationality_before_government_body_is_split():
    found = by_text("Turkish Presidency of Defence Industries head Ismail Demir spoke.")
    assert found["Turkish"][1:3] == ("NORP", "norp:TUR")
    assert found["Presidency of Defence Industries"][1] == "ORG"
    assert found["Presidency of Defence Industries"][4] == "TUR"


# --- forms that must not break it -------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The F-35 and the MiG-29 flew over.", {("F-35", "PRODUCT"), ("MiG-29", "PRODUCT")}),
        (
            "The National Defense Authorization Act passed.",
            {("National Defense Authorization Act", "LAW")},
        ),
        (
            "The World Health Organization warned of a surge.",
            {("World Health Organization", "ORG")},
        ),
        ("Ministry of Defence officials declined to comment.", {("Ministry of Defence", "ORG")}),
        (
            "Germany's Siemens Energy reported losses.",
            {("Germany", "GPE"), ("Siemens Energy", "ORG")},
        ),
        (
            "Canada and Mexico signed the Paris Agreement.",
            {("Canada", "GPE"), ("Mexico", "GPE"), ("Paris Agreement", "LAW")},
        ),
        ("Recall that Azerbaijan joined in 1992.", {("Azerbaijan", "GPE")}),
        ("However, Pakistan disagreed.", {("Pakistan", "GPE")}),
        ("On Monday, the Kremlin denied it.", {("Kremlin", "ORG")}),
        ("Flooding hit the Black Sea coast.", {("Black Sea", "LOC")}),
        (
            "Rep. Elijah Cummings of Maryland objected.",
            {("Elijah Cummings", "PERSON"), ("Maryland", "GPE")},
        ),
        (
            "Delegates met at the Democratic National Convention, then read the Geneva Convention.",
            {("Democratic National Convention", "EVENT"), ("Geneva Convention", "LAW")},
        ),
    ],
)
def test_forms(sentence, expected):
    assert {(r[0], r[1]) for r in rows(sentence)} == expected


@pytest.mark.parametrize(
    "headline, expected",
    [
        (
            "TURKEY BUYS RUSSIAN MISSILES DESPITE NATO WARNINGS",
            {("TURKEY", "gpe:TUR"), ("RUSSIAN", "norp:RUS"), ("NATO", "org:nato")},
        ),
        ("SOCCER - JAPAN GET LATE WIN OVER SYRIA", {("JAPAN", "gpe:JPN"), ("SYRIA", "gpe:SYR")}),
    ],
)
def test_all_caps_headlines_use_gazetteers_only(headline, expected):
    assert {(r[0], r[2]) for r in rows(headline)} == expected


def test_caps_headline_reuses_names_from_the_article():
    text = "KOWALCZYK WINS AGAIN\n\nMarta Kowalczyk won the race in Oslo on Sunday."
    found = rows(text)
    assert ("KOWALCZYK", "PERSON", "person:marta-kowalczyk") in {r[:3] for r in found}


def test_team_after_score_is_an_organisation():
    found = by_text("Leeds 2 Chelsea 1. Chelsea fans were angry.")
    assert found["Leeds"][1] == "ORG"
    chelsea = find_entities("Leeds 2 Chelsea 1. Chelsea fans were angry.")
    assert set(chelsea.loc[chelsea["text"] == "Chelsea", "label"]) == {"ORG"}


# --- robustness -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        '"' * 500,
        "A" * 2000,
        "THE " * 500,
        "1" * 3000,
        "Ünïcödé ÇAPS – “unbalanced ‘quotes and — dashes",
        "Mr. . . . Dr. . .",
        "of of of and the the The Of",
        "-".join(["Washington"] * 200),
        " ".join(["The"] * 3000),
        " ".join(["Mixed", "The", "Of", "Ankara", "and", "Mr."] * 500),
    ],
)
def test_odd_input_never_raises(text):
    df = find_entities(text)
    for r in df.itertuples():
        assert text[r.start : r.end] == r.text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("AaBTUSRk -'’\".,\nÜ19")), max_size=200))
def test_offsets_always_hold(text):
    out = entity_step(Document(text=text))["entities"]
    for r in out:
        assert text[r["start"] : r["end"]] == r["text"]
        assert set(r) == set(SCHEMAS["entities"]) - {"article_id"}


def test_package_never_reads_shared_folder():
    for path in (ROOT / "analysis").rglob("*.py"):
        source = path.read_text("utf-8")
        assert not re.search(r"""['"/\\]shared['"/\\]|NEWSNB_EVAL""", source), path


# --- CoNLL-2003 dev subset --------------------------------------------------------------------


def test_conll_dev_subset_f1_floor():
    path = eval_path("ner", "eng.testa")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import eval_ner

    docs = eval_ner.read_conll(Path(path))[:60]
    tp, fp, fn, _ = eval_ner.evaluate(docs)
    _, _, f1 = eval_ner.prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    assert f1 >= 0.75, f1  # measured 0.784 on these 60 documents (0.776 on all 216)


# --- entity-quality rules (issue #4: speakers rely on the entities table) ---------------------


def labels(text, **kw):
    return [(r[0], r[1]) for r in rows(text, **kw)]


def test_derived_demonym_after_a_name_word_is_a_surname():
    # Burman = Burma + n, but after a capitalised word in one run it ends a person's name
    assert labels("Zorb Burman, an analyst at the bank, said so.")[0] == ("Zorb Burman", "PERSON")
    assert labels("Len Burman spoke.")[0] == ("Len Burman", "PERSON")


def test_derived_demonym_or_town_that_speaks_is_a_person():
    assert labels("Later, Burman said the plan would fail.") == [("Burman", "PERSON")]


def test_hyphenated_given_name_is_kept_whole():
    got = labels("South Korean President Park Geun-hye met Kim Jong-un.")
    assert ("South Korean", "NORP") in got
    assert ("Park Geun-hye", "PERSON") in got and ("Kim Jong-un", "PERSON") in got
    # a name then an English word after the hyphen is still cut
    assert ("Saudi", "NORP") in labels("The Saudi-led coalition advanced.")


def test_hashtag_handle_and_url_parts_are_no_names_after_a_cut_word():
    # cutting `Kremlin-backed` adds a token before them: they must still be found as handles
    text = "A Kremlin-backed group hailed #Putin and @Merkel at www.site.com/Berlin today."
    assert labels(text) == [("Kremlin", "ORG")]
    assert labels("Pro-Russian #Crimea fans met Kim Jong-un in #Seoul-based studios.") == [
        ("Kim Jong-un", "PERSON")
    ]


def test_adjective_leading_a_cued_or_listed_name_is_kept():
    assert labels("He walked in Central Park.") == [("Central Park", "LOC")]
    assert labels("She met South Korean officials.") == [("South Korean", "NORP")]


def test_new_cue_words():
    assert labels("The Congressional Black Caucus endorsed her.") == [
        ("Congressional Black Caucus", "ORG")
    ]
    assert labels("He served in World War II.") == [("World War II", "EVENT")]


def test_place_then_title_then_person():
    got = labels("Texas Sen. Ted Cruz said no.")
    assert got == [("Texas", "GPE"), ("Ted Cruz", "PERSON")]
    got = labels("Senate Majority Leader Mitch McConnell said no.")
    assert got == [("Senate", "ORG"), ("Mitch McConnell", "PERSON")]


def test_bare_title_and_contractions_are_no_entities():
    assert labels("The Secretary of State spoke, and I'm sure I’ve heard it.") == []


def test_lone_unknown_name_that_speaks_is_a_person():
    assert labels("The deal is off, Kowalczyk said.") == [("Kowalczyk", "PERSON")]
    assert labels("Kowalczyk said the deal is off.") == [("Kowalczyk", "PERSON")]
    assert labels("Analysts said the deal is off.") == []


def test_shared_surname_goes_to_the_most_mentioned_person():
    text = "Hillary Clinton spoke. Hillary Clinton won. Bill Clinton smiled. Later Clinton said no."
    got = rows(text)
    assert got[-1][0] == "Clinton" and got[-1][1] == "PERSON"
    assert got[-1][3] == "Hillary Clinton"


def test_town_name_is_the_person_the_article_names():
    # a town in the gazetteer, shown to be a person by a title elsewhere in the article
    got = labels("Mr. Obama left early. Critics met Obama in May.")
    assert got == [("Obama", "PERSON"), ("Obama", "PERSON")]


def test_hyphenated_demonyms_and_state_abbreviations():
    got = labels("African-American voters in Orlando, Fla., and Cuban-Americans agreed.")
    assert ("African-American", "NORP") in got and ("Cuban-Americans", "NORP") in got
    assert ("Fla", "GPE") in got


def test_names_do_not_run_across_line_breaks():
    text = "Christie Says He Would Issue A Quarantine\nChris Christie said on Monday that it works."
    found = find_entities(text)
    assert "Chris Christie" in set(found["text"])
    assert not found["text"].str.contains("\n").any()


def test_single_name_followed_by_his_is_a_person():
    text = "The Zorblat troops cheered. Later Zorblat laid out his vision for the country."
    ents = find_entities(text)
    assert set(ents.loc[ents["text"] == "Zorblat", "label"]) == {"PERSON"}


def test_a_headline_name_ends_before_a_detached_final_period():
    # CoNLL-style headlines have a space before the period: the name is the word, not `X .`
    text = "SOCCER - EXCUSE NOT ENOUGH FOR WIDGETCO .\n\nMADRID 1996-08-30\n\nWidgetco said so."
    assert find_entities(text)["text"].iloc[0] == "WIDGETCO"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials in Ankara said so.", {0}),  # no quotation: only the first word
        ("officials in Ankara said so.", set()),
        ('He said: "Turkey will buy them."', {0, 4}),  # a quotation opens after the quote
        ("", set()),
    ],
)
def test_initial_indices(text, expected):
    from analysis.entities import _cut_marks, _initial_indices, _tokens

    toks = _tokens(text, 0, len(text), _cut_marks(text))
    assert _initial_indices(toks) == expected


def _reference_runs(toks):
    """Capitalised runs as found token by token before runs were read gap by gap."""
    from analysis import gazetteers as gz
    from analysis.entities import _PARTICLES, _cap_follows, _dotted

    runs, texts, cap, n, j = [], toks.text, toks.cap, len(toks.text), 0
    for i in range(n):
        if not cap[i] or i < j:
            continue
        j = i + 1
        while j < n:
            if cap[j]:
                j += 1
                continue
            w = texts[j]
            if w == ".":
                if toks.spans[j - 1][1] == toks.spans[j][0] and j + 1 < n and _dotted(texts[j - 1]):
                    j += 1
                    continue
            elif w.lower() in _PARTICLES:
                if _cap_follows(toks, j):
                    j += 1
                    continue
            elif w == "on" and texts[j - 1] in gz.cues()["head"] and _cap_follows(toks, j):
                j += 1
                continue
            break
        while not cap[j - 1]:
            j -= 1
        runs.append((i, j))
    return runs


# capitalised words, particles, dots and `on` after a head cue, titles and initials, handles
_RUN_WORDS = "Mr . J of the de on On Commission Smith said & F Bank oF #Tag @Kim x- led".split()


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_RUN_WORDS), st.sampled_from(["", " ", "\n"])),
        min_size=2,
        max_size=10,
    )
)
def test_runs_match_the_token_by_token_reading(parts):
    from analysis.entities import _cut_marks, _runs, _tokens

    text = "".join(w + gap for w, gap in parts)
    toks = _tokens(text, 0, len(text), _cut_marks(text))
    assert _runs(toks) == _reference_runs(toks)


def test_runs_join_across_particles_dots_and_on():
    from analysis.entities import _cut_marks, _runs, _tokens

    text = "Mr. J. Smith of the Bank of England met the Commission on Presidential Debates."
    toks = _tokens(text, 0, len(text), _cut_marks(text))
    assert [" ".join(toks.text[i:j]) for i, j in _runs(toks)] == [
        "Mr . J . Smith of the Bank of England",
        "Commission on Presidential Debates",
    ]


@pytest.mark.parametrize(
    ("text", "label", "method"),
    [
        ("Officials said the F-35 flew.", "PRODUCT", "cue:product-code"),
        ("Officials said XQZ agreed.", "ORG", "context:acronym"),
        ("Officials said Kowalczyk agreed.", "ORG", "default"),
        ("Officials met Kowalczyk, who said little.", "ORG", "default"),
        ("Officials said xqz and XQZ agreed.", "ORG", "default"),  # seen in lower case
        ("Officials said John agreed.", "PERSON", "given-name"),
        ("The defence agency head Demir said so.", "PERSON", "title:lower"),
        ("Kowalczyk said so.", "PERSON", "context"),  # sentence-initial, kept as it speaks
    ],
)
def test_lone_unknown_word_rules(text, label, method):
    """The rules for a lone capitalised word that no gazetteer knows (label_unknown_word)."""
    df = find_entities(text)
    last = df.iloc[-1]
    assert (last["label"], last["method"]) == (label, method)


def test_role_word_lends_the_country_of_the_name_before_it():
    text = "Officials in Ankara and Turkish defence agency head Ismail Demir said so."
    assert by_text(text)["Ismail Demir"][4:] == ("TUR", "head")
