"""Quotes: spans, kinds, speakers (one test per pattern of issue 4), robustness, gold data."""

import importlib.util
import math
import sys

import pandas as pd
import pytest
from conftest import ROOT, eval_path

from analysis.document import Document
from analysis.quotes import find_quotes, find_spans, quote_step
from analysis.text import split_sentences


def _statements(q: pd.DataFrame) -> pd.DataFrame:
    return q[q["kind"] != "indirect"].reset_index(drop=True)


def _na(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


# text, expected (text, kind, speaker, method) of the one quoted span
PATTERNS = [
    pytest.param(
        '"We will win the election," John Smith said.',
        ("We will win the election,", "direct", "John Smith", "QCV"),
        id="straight-marks",
    ),
    pytest.param(
        "“We will win the election,” said John Smith.",
        ("We will win the election,", "direct", "John Smith", "QVC"),
        id="curly-marks",
    ),
    pytest.param(
        '“These countries include Indonesia, Pakistan, Malaysia, Azerbaijan," Ismail Demir said.',
        (
            "These countries include Indonesia, Pakistan, Malaysia, Azerbaijan,",
            "direct",
            "Ismail Demir",
            "QCV",
        ),
        id="mixed-marks",
    ),  # fmt: skip
    pytest.param(
        "“He told me ‘never again’ and he meant it,” Mary Jones said.",
        ("He told me ‘never again’ and he meant it,", "direct", "Mary Jones", "QCV"),
        id="single-inside-double",
    ),
    pytest.param(
        "'We are ready to talk now,' said Mary Jones.",
        ("We are ready to talk now,", "direct", "Mary Jones", "QVC"),
        id="single-marks",
    ),
    pytest.param(
        "John Smith said: “We offer products. We want peace. We will talk.”",
        ("We offer products. We want peace. We will talk.", "direct", "John Smith", "CVQ"),
        id="multi-sentence-colon",
    ),
    pytest.param(
        "John Smith told reporters on Monday, “We will not give up on this plan.”",
        ("We will not give up on this plan.", "direct", "John Smith", "CVQ"),
        id="told-reporters",
    ),
    pytest.param(
        "Said John Smith: “We will not give up on this plan.”",
        ("We will not give up on this plan.", "direct", "John Smith", "VCQ"),
        id="VCQ",
    ),
    pytest.param(
        "“The plan will fail in the end,” according to John Smith.",
        ("The plan will fail in the end,", "direct", "John Smith", "according_to"),
        id="according-to-after",
    ),
    pytest.param(
        "According to John Smith, “the plan will fail in the end.”",
        ("the plan will fail in the end.", "direct", "John Smith", "according_to"),
        id="according-to-before",
    ),
    pytest.param(
        "“Cut the taxes now and everyone wins.” — Commissioner Jane Doe",
        ("Cut the taxes now and everyone wins.", "direct", "…Jane Doe", "dash"),
        id="dash-em",
    ),
    pytest.param(
        '"Cut the taxes now and everyone wins." -Commissioner Jane Doe',
        ("Cut the taxes now and everyone wins.", "direct", "…Jane Doe", "dash"),
        id="dash-hyphen",
    ),
    pytest.param(
        "From Chairwoman Jane Doe: “We will act now on the budget.”",
        ("We will act now on the budget.", "direct", "Jane Doe", "colon"),
        id="colon-lead-in",
    ),
    pytest.param(
        "Hugh Hill, a doctor, said: “The first thing is rest.\n\n“The second thing is water.”",
        ("The first thing is rest.\n\n“The second thing is water.", "direct", "Hugh Hill", "CVQ"),
        id="appositive-paragraph-break",
    ),
    pytest.param(
        "Ismail Demir called the move “a historic mistake” on Monday.",
        ("a historic mistake", "partial", "Ismail Demir", "sentence"),
        id="partial",
    ),
    pytest.param(
        'Ismail Demir spoke at a press conference on the topic "Defence industry goals for 2023".',
        ("Defence industry goals for 2023", "title", None, None),
        id="title-topic",
    ),
    pytest.param(
        "She signed copies of the book “The Art of the Deal” on Monday.",
        ("The Art of the Deal", "title", None, None),
        id="title-book",
    ),
    pytest.param(
        "The so-called “experts” disagreed with the budget.",
        ("experts", "scare", None, None),
        id="scare",
    ),
    pytest.param(
        "Angela Merkel signed what she sees as a “breakthrough” on Friday.",
        ("breakthrough", "partial", "Angela Merkel", "subject"),
        id="short-quote-of-the-subject",
    ),
    pytest.param(
        "Hillary Clinton watched “Lilyhammer” on Friday.",
        ("Lilyhammer", "scare", None, None),
        id="capitalised-quote-after-a-subject-is-a-name",
    ),
    pytest.param(
        "Voters in the “undecided” column waited in the rain on Friday.",
        ("undecided", "scare", None, None),
        id="short-quote-without-a-person-is-scare",
    ),
    pytest.param(
        "Continuing to explain his view, Carl Benson rejected the idea, saying that if he “found"
        " a problem, I would fix it.”",
        ("found a problem, I would fix it.", "partial", "Carl Benson", "sentence"),
        id="participle-opener-is-not-the-subject",
    ),
    pytest.param(
        "DECATUR, Ill. — Sen. Ted Cruz weighed in, calling the behavior a “fireable offense.”",
        ("fireable offense.", "partial", "…Ted Cruz", "sentence"),
        id="dateline-is-not-the-subject",
    ),
    pytest.param(
        "Democratic front-runner Hillary Clinton, also campaigning in Ohio, accused him of"
        " “inciting violent behavior that is very dangerous.”",
        (
            "inciting violent behavior that is very dangerous.",
            "partial",
            "Hillary Clinton",
            "sentence",
        ),
        id="adjective-role-name",
    ),  # fmt: skip
    pytest.param(
        "Mary Jones says it shows that the mayor is “unfit for the office.”",
        ("unfit for the office.", "partial", "Mary Jones", "sentence"),
        id="nested-it-clause-person-outside",
    ),
    pytest.param(
        "Voters remember Barack Obama's repeated claim that “you can keep your plan” today.",
        ("you can keep your plan", "partial", "Barack Obama", "possessive"),
        id="possessive-speech-noun",
    ),
    pytest.param(
        "It's the pull of Barack Obama's “you can keep it” promise that matters.",
        ("you can keep it", "partial", "Barack Obama", "possessive"),
        id="possessive-quote-speech-noun",
    ),
    pytest.param(
        "Ben Carson did not name his rivals, but told his supporters, “our nation is in"
        " horrible trouble and we must act.”",
        ("our nation is in horrible trouble and we must act.", "direct", "Ben Carson", "CVQ"),
        id="told-whom-is-not-the-speaker",
    ),
    pytest.param(
        "Mary Jones released a statement on Thursday night condemning “what appears to be a"
        " horrific terrorist attack.”",
        ("what appears to be a horrific terrorist attack.", "direct", "Mary Jones", "CVQ"),
        id="statement-sent-is-not-the-speaker",
    ),
    pytest.param(
        "Respondents were “angry with the way the government works” this year.",
        ("angry with the way the government works", "partial", None, None),
        id="capitalised-opener-no-entity-is-nobody",
    ),
    pytest.param(
        "Senator Mary Jones was “furious” about the vote on Friday.",
        ("furious", "partial", "Mary Jones", "subject"),
        id="subject-known-person",
    ),
    pytest.param(
        "“The founders would agree,” said Cruz constituent Dan Golvach when asked about it.",
        ("The founders would agree,", "direct", "Dan Golvach", "QVC"),
        id="qualifier-noun-then-full-name",
    ),
    pytest.param(
        "“By December, California stuck out as a place to compete,” Sanders's campaign manager,"
        " Jeff Weaver, said in an interview.",
        (
            "By December, California stuck out as a place to compete,",
            "direct",
            "Jeff Weaver",
            "QCV",
        ),
        id="role-then-name-appositive-after-quote",
    ),  # fmt: skip
    pytest.param(
        "“Trump and Cruz scare me,” Harry Bond, 30, of Raleigh, N.C., who was among those"
        " polled, said in an interview.",
        ("Trump and Cruz scare me,", "direct", "Harry Bond", "QCV"),
        id="appositives-age-place-relative",
    ),
    pytest.param(
        "“Thanks for welcoming these refugees,” said master of ceremonies Asab Al-Tabchi, a"
        " Syrian engineer.",
        ("Thanks for welcoming these refugees,", "direct", "Asab Al-Tabchi", "QVC"),
        id="role-of-noun-then-name",
    ),
    pytest.param(
        "Ted Cruz spoke first. Cruz spokesman Rick Tyler said the campaign will go on, “with"
        " guiding principles,” he said.",
        ("with guiding principles,", "direct", "Rick Tyler", "pronoun"),
        id="pronoun-latest-subject-of-its-sentence",
    ),
    pytest.param(
        "“If Trump is the nominee, people stay home,” said Idaho nutritional-supplement"
        " executive Frank VanderSloot, who had backed Rubio.",
        ("If Trump is the nominee, people stay home,", "direct", "Frank VanderSloot", "QVC"),
        id="place-hyphenated-modifier-role-name",
    ),
    pytest.param(
        "On the other side, Sen. Ted Cruz (R-Tex.), a Republican candidate for president who has"
        " made liberty a centerpiece of his campaign, tweeted a warning. “Missouri: Remember in"
        " November the Democrats.”",
        ("Missouri: Remember in November the Democrats.", "direct", "…Ted Cruz", "prev_sentence"),
        id="previous-sentence-long-appositive",
    ),
    pytest.param(
        "The leader of the Anti-Defamation League, Jonathan Greenblatt, warned that a ban would"
        " be “unacceptable and antithetical to American values.”",
        (
            "unacceptable and antithetical to American values.",
            "partial",
            "Jonathan Greenblatt",
            "sentence",
        ),
        id="role-of-organisation-then-appositive-name",
    ),  # fmt: skip
    pytest.param(
        'Rep. Trey Gowdy (R-S.C.):"I have not heard anyone other than you cite that figure."',
        (
            "I have not heard anyone other than you cite that figure.",
            "direct",
            "Trey Gowdy",
            "colon",
        ),
        id="colon-after-party-tag",
    ),  # fmt: skip
    pytest.param(
        "“An awful lot of analysts said no,” remembered Roy Verley, the former spokesman.",
        ("An awful lot of analysts said no,", "direct", "Roy Verley", "QVC"),
        id="remembered-cue",
    ),
    pytest.param(
        "“Clinton needs a strategy for these voters,” Nate Silver, the polling guru who founded"
        " fivethirtyeight.com tweeted on Wednesday.",
        ("Clinton needs a strategy for these voters,", "direct", "Nate Silver", "QCV"),
        id="appositive-relative-without-closing-comma",
    ),
    pytest.param(
        "Senator Mary Walton issued the following statement: “Our prayers are with all those"
        " affected by the floods.”",
        (
            "Our prayers are with all those affected by the floods.",
            "direct",
            "Mary Walton",
            "colon",
        ),
        id="colon-after-an-object-is-the-subject",
    ),  # fmt: skip
    pytest.param(
        "Former Secretary of State Mary Walton urged voters to turn out, saying, “Every vote"
        " counts.”",
        ("Every vote counts.", "direct", "Mary Walton", "CVQ"),
        id="title-with-of-complement",
    ),
    pytest.param(
        "Early in his campaign, Walton attacked Smith, calling him “a failed candidate.”",
        ("a failed candidate.", "partial", "Walton", "sentence"),
        id="adverb-opener-is-not-the-subject",
    ),
    pytest.param(
        "When told the news, Mary Walton thought for a moment and said that in this climate,"
        " “I think it is an advantage not to be a celebrity.”",
        ("I think it is an advantage not to be a celebrity.", "direct", "Mary Walton", "CVQ"),
        id="subject-of-a-coordinated-verb",
    ),
    pytest.param(
        "The plan drew a reaction from Senator Mary Walton, who called the bill “a disgrace to"
        " the chamber.”",
        ("a disgrace to the chamber.", "partial", "Mary Walton", "sentence"),
        id="relative-who-is-its-antecedent",
    ),
    pytest.param(
        "Senate leader Mary Walton delivered a blunt message to Smith: “It is time to quit"
        " attacking people.”",
        ("It is time to quit attacking people.", "direct", "Mary Walton", "colon"),
        id="colon-after-a-prepositional-object",
    ),
    pytest.param(
        "In city after city, Walton lobbies for a higher minimum wage: “No one who works full"
        " time should live in poverty.”",
        ("No one who works full time should live in poverty.", "direct", "Walton", "colon"),
        id="colon-after-a-verb-phrase",
    ),
    pytest.param(
        "Former secretary of state Mary Walton: “We learned that from the department.”",
        ("We learned that from the department.", "direct", "Mary Walton", "colon"),
        id="colon-after-a-title",
    ),
    pytest.param(
        "Tom Baker, chairman of Ohio Rising (a Republican PAC), tweeted: “People behind her"
        " wore the shirts.”",
        ("People behind her wore the shirts.", "direct", "Tom Baker", "CVQ"),
        id="appositive-ending-in-an-aside",
    ),
    pytest.param(
        "Smith asked her to join him. Minutes later, Mary Walton sent an email saying, “done.”",
        ("done.", "direct", "Mary Walton", "CVQ"),
        id="time-opener-is-not-the-subject",
    ),
    pytest.param(
        "Mary Walton spoke on Monday. Thirteen years earlier, Walton had voted for the war from"
        " “the perspective of a senator from New York.”",
        ("the perspective of a senator from New York.", "partial", "Mary Walton", "subject"),
        id="time-opener-with-a-unit",
    ),
    pytest.param(
        "Filling in for Sanders at the same event where Clinton and O'Malley appeared Sunday,"
        " Mary Walton landed a sharp dig at “my dear sister Hillary Clinton.”",
        ("my dear sister Hillary Clinton.", "partial", "Mary Walton", "subject"),
        id="long-participle-opener",
    ),
    pytest.param(
        "Tom Baker spoke first. Like Baker, Mary Walton also rejected the notion, arguing that"
        " there is “flexibility for the administration.”",
        ("flexibility for the administration.", "partial", "Mary Walton", "sentence"),
        id="like-opener-is-not-the-subject",
    ),
    pytest.param(
        "“We will fight this to the end,” Mary Walton was told by her aides.",
        ("We will fight this to the end,", "direct", None, None),
        id="passive-cue-names-the-addressee",
    ),
    pytest.param(
        "Mary Walton was quoted as saying “we will win.”",
        ("we will win.", "direct", "Mary Walton", "CVQ"),
        id="quoted-as-saying",
    ),
    pytest.param(
        "Specifically, Tom Baker thought that “the bank is keeping rates too low, too long.”",
        ("the bank is keeping rates too low, too long.", "partial", "Tom Baker", "sentence"),
        id="thought-cue",
    ),
    pytest.param(
        "Tom Baker's standing improved after his call for “a total and complete ban” on all"
        " imports.",
        ("a total and complete ban", "partial", "Tom Baker", "possessive"),
        id="possessive-call",
    ),
    pytest.param(
        "By contrast, Sen. Mary Walton said that once the Senate goes on recess, “I intend to"
        " help wherever I can.”",
        ("I intend to help wherever I can.", "direct", "Mary Walton", "CVQ"),
        id="goes-on-recess-is-no-cue",
    ),
    pytest.param(
        "Tom Baker, president and CEO of Ohio Restaurant Association stated, “It is not a"
        " political problem.”",
        ("It is not a political problem.", "direct", "Tom Baker", "CVQ"),
        id="appositive-with-an-organisation-without-closing-comma",
    ),
    pytest.param(
        "Candidate Mary Walton on Saturday tweeted an image bearing the words “most corrupt"
        " candidate ever!” prompting outrage.",
        ("most corrupt candidate ever!", "partial", "Mary Walton", "sentence"),
        id="day-between-subject-and-cue",
    ),
    pytest.param(
        "One of the university's top executives, Tom Baker, later testified that “none of the"
        " professors” were picked by hand.",
        ("none of the professors", "partial", "Tom Baker", "sentence"),
        id="one-of-role-then-name",
    ),
    pytest.param(
        "Days after Smith clinched the nomination, Mary Walton endorsed him, saying, “He is"
        " exactly what this country needs.”",
        ("He is exactly what this country needs.", "direct", "Mary Walton", "CVQ"),
        id="days-after-opener",
    ),
    pytest.param(
        "Washington (AFP) – Democrat Mary Walton has taken a swipe at her rival's stance,"
        " saying that “bombastic comments” do more harm than good.",
        ("bombastic comments", "partial", "Mary Walton", "sentence"),
        id="dateline-with-agency-and-party-word",
    ),
    pytest.param(
        "Senator Mary Walton called the agreement “an historic step forward” in global efforts,"
        " applauding America's leadership in the process.",
        ("an historic step forward", "partial", "Mary Walton", "sentence"),
        id="participle-tail-is-no-inverted-cue",
    ),
    pytest.param(
        "ProPublica obtained a video of the speech and said she “steered a middle ground” in"
        " addressing the executives.",
        ("steered a middle ground", "partial", "ProPublica", "sentence"),
        id="coordinated-cue-before-a-partial-quote",
    ),
    pytest.param(
        "Mary Walton spoke. Walton’s campaign, for example, said she would “support the nominee.”",
        ("support the nominee.", "partial", "Mary Walton", "sentence"),
        id="s-possessive-and-discourse-marker",
    ),
    pytest.param(
        "Senator Tom Jones spoke. Jones’ campaign called the report a “rush to judgment,” because"
        " delegates can change their mind.",
        ("rush to judgment,", "partial", "Tom Jones", "sentence"),
        id="possessive-apostrophe-after-s",
    ),
    pytest.param(
        "Mary Walton, the United Nations High Commissioner for Refugees (UNHCR), reacted"
        " skeptically, saying “We are worried.”",
        ("We are worried.", "direct", "Mary Walton", "CVQ"),
        id="acronym-in-brackets-is-no-party-tag",
    ),
    pytest.param(
        "“It would be a stretch,” Tom Baker of the Martin Center for Nonproliferation Studies"
        " wrote in December.",
        ("It would be a stretch,", "direct", "Tom Baker", "QCV"),
        id="person-of-an-organisation-with-for",
    ),
    pytest.param(
        "Critics included Sen. Mary Walton of Florida, who mused that Smith was “disqualified.”",
        ("disqualified.", "partial", "Mary Walton", "sentence"),
        id="person-of-a-place-who",
    ),
    pytest.param(
        "“He is reprising that role,” said former Ohio Gov. and National Committee Chairman Tom"
        " Baker.",
        ("He is reprising that role,", "direct", "Tom Baker", "QVC"),
        id="two-titles-joined-by-and",
    ),
    pytest.param(
        "“It was very cold that night in the mountains,” I said.",
        ("It was very cold that night in the mountains,", "direct", None, None),
        id="first-person-never-speaker",
    ),
    pytest.param(
        "“The weather will be terrible today and tomorrow.”",
        ("The weather will be terrible today and tomorrow.", "direct", None, None),
        id="no-speaker",
    ),
]


@pytest.mark.parametrize("text, expected", PATTERNS)
def test_quote_patterns(text, expected):
    q = _statements(find_quotes(text))
    assert len(q) == 1, q[["text", "kind"]]
    row = q.iloc[0]
    quote, kind, speaker, method = expected
    assert (row["text"], row["kind"]) == (quote, kind)
    if speaker is None:
        assert _na(row["speaker"]) and _na(row["speaker_id"])
    elif speaker.startswith("…"):  # the title may stay in the entities' canonical name
        assert row["speaker"].endswith(speaker[1:])
        assert row["method"] == method
    else:
        assert row["speaker"] == speaker
        assert row["method"] == method


# text, expected (speaker, method) of the last quote: pronouns, roles, short names, floating
RESOLUTION = [
    pytest.param(
        "Tom Baker arrived by car.\n\nHis campaign protested that the aides were being"
        " “disingenuous” about the permit.",
        ("Tom Baker", "sentence"),
        id="possessive-pronoun-voice-noun",
    ),
    pytest.param(
        "“I have respect for him,” said Roy Hermann, a retiree.\n\nAubrey hoisted a sign. Her"
        " father, Brad, 39, worried about it.\n\n“People are afraid of wasting votes,” he said.",
        ("Brad", "pronoun"),
        id="relative-named-by-given-name",
    ),
    pytest.param(
        "Stacy Baker of Columbia, South Carolina says Cruz can win.\n\n"
        "“He has to keep doing what he is doing,” she said.",
        ("Stacy Baker", "pronoun"),
        id="place-after-a-place-does-not-speak",
    ),
    pytest.param(
        "At a town hall, Mary Walton accused Baker, the senator from Ohio, of being “too"
        " soft.”\n\n“You have to go out and vote,” she said.",
        ("Mary Walton", "pronoun"),
        id="object-of-a-cue-is-no-subject",
    ),
    pytest.param(
        "Karen Walton spoke first.\n\n“They should be held accountable,” said Jeff Smith.\n\n"
        "“It was outrageous,” she said.",
        ("Karen Walton", "pronoun"),
        id="common-given-name-has-a-gender",
    ),
    pytest.param(
        "Regarding Smith's rhetoric after the convention, Woods shared her belief.\n\n"
        "“The way I see it,” she elaborated, “no one questioned his service.”",
        ("Woods", "pronoun"),
        id="preposition-opener-is-no-name",
    ),
    pytest.param(
        "Felipe Calderon slammed the plan.\n\n“It is useless,” Calderon told CNBC Saturday.\n\n"
        "The former president went on.\n\n“The first loser would be the United States,” he said.",
        ("Felipe Calderon", "pronoun"),
        id="who-is-told-is-no-antecedent",
    ),
    pytest.param(
        "Brianne Stone, 29, of Huntsville, Ala., says her concern is the climate.\n\n"
        "“We are not going to act in time,” she says.",
        ("Brianne Stone", "pronoun"),
        id="place-of-a-person-does-not-speak",
    ),
    pytest.param(
        "Ismail Demir visited Baku.\n\n“We have learned our lessons,” he stressed.",
        ("Ismail Demir", "pronoun"),
        id="pronoun-he",
    ),
    pytest.param(
        "Mary Jones met John Smith in Paris.\n\n“We agreed on nothing at all,” she said.",
        ("Mary Jones", "pronoun"),
        id="pronoun-gender",
    ),
    pytest.param(
        "Foreign Minister Mevlut Cavusoglu arrived on Monday.\n\n"
        "“We are ready to talk to everyone,” the minister added.",
        ("Mevlut Cavusoglu", "role"),
        id="role-named-earlier",
    ),
    pytest.param(
        "Ismail Demir arrived on Monday.\n\n“We are ready to talk to everyone,” Demir said.",
        ("Ismail Demir", "QCV"),
        id="short-name",
    ),
    pytest.param(
        "“We are ready to talk to everyone,” John Smith said.\n\n“And we will not wait.”",
        ("John Smith", "floating"),
        id="floating",
    ),
    pytest.param(
        "“We are ready to talk to everyone,” a spokesman said.",
        (None, "role"),
        id="indefinite-role-unresolved",
    ),
    pytest.param(
        "“We are ready to talk to everyone,” they said.",
        (None, "pronoun"),
        id="they-unresolved",
    ),
    pytest.param(
        "“It is a fair deal,” Rep. Anna Kowalski (D-Wis.) said on Friday.",
        ("Anna Kowalski", "QCV"),
        id="party-tag-period-is-no-sentence-end",
    ),
    pytest.param(
        "“It is a fair deal,” Senate Majority Leader Tom Baker, R-Ky., said on Friday.",
        ("Tom Baker", "QCV"),
        id="party-tag-between-commas",
    ),
    pytest.param(
        "“It is a fair deal,” Anna Kowalski, the mayor of Springfield, one of the towns in "
        "the dispute, said on Friday.",
        ("Anna Kowalski", "QCV"),
        id="two-appositives",
    ),
    pytest.param(
        "In a statement, her senior adviser, Tom Baker, said: “It is a fair deal for everyone.”",
        ("Tom Baker", "CVQ"),
        id="role-then-name-appositive",
    ),
    pytest.param(
        "“A fair deal” would help everyone, Anna Kowalski said after the talks.",
        ("Anna Kowalski", "tail"),
        id="tail-cue-ends-the-sentence",
    ),
    pytest.param(
        "Anna Kowalski praised the plan on Monday.\n\n“It is a good start for everyone.”",
        ("Anna Kowalski", "prev_sentence"),
        id="previous-sentence-speaker",
    ),
    pytest.param(
        "Tom Baker arrived first. The talks will go on, Peter Brown said on Monday.\n\n"
        "“We will try again,” he said.",
        ("Peter Brown", "pronoun"),
        id="pronoun-after-reported-speech",
    ),
    pytest.param(
        "Ms. Robin Taylor arrived on Monday.\n\nLater, Robin Taylor met Sam Ellis.\n\n"
        "“We agreed on nothing at all,” he said.",
        ("Sam Ellis", "pronoun"),
        id="title-gender-holds-for-every-mention",
    ),
    pytest.param(
        "Ultimately, Mr. Tom Baker hopes to win. Anna Kowalski, a lawyer, disagreed with "
        "Peter Brown.\n\n“It is all I can afford,” he said.",
        ("Tom Baker", "pronoun"),
        id="pronoun-subject-after-intro-not-object",
    ),
    pytest.param(
        "New Jersey Gov. Tom Baker spoke on Monday.\n\n“It is all I can afford,” he said.",
        ("Tom Baker", "pronoun"),
        id="title-inside-a-name-run",
    ),
    pytest.param(
        "Anna Kowalski has increasingly decried the “broken promises” of the council.",
        ("Anna Kowalski", "sentence"),
        id="speech-act-verb-after-ly-adverb",
    ),
    pytest.param(
        "Democratic mayoral candidate Anna Kowalski spoke on Monday, saying the plan is "
        "“a good start.”",
        ("Anna Kowalski", "sentence"),
        id="qualifier-lowercase-role-then-name",
    ),
    pytest.param(
        "Speaking at a rally in Salem, Oregon, Tom Baker went after his rival, calling him "
        "“a total failure.”",
        ("Tom Baker", "sentence"),
        id="subject-after-place-appositives",
    ),
    pytest.param(
        "Peter Brown of Springfield, Illinois says the plan is “a good start.”",
        ("Peter Brown", "sentence"),
        id="person-of-city-state",
    ),
    pytest.param(
        "“It is a fair deal,” Rep. Anna Kowalski (D-Wis.), a panel member, said on Friday.",
        ("Anna Kowalski", "QCV"),
        id="party-tag-then-appositive",
    ),
    pytest.param(
        "“It is a fair deal,” Tom Baker, who has proposed a new tax, said on Friday.",
        ("Tom Baker", "QCV"),
        id="relative-clause-verb-is-no-cue",
    ),
    pytest.param(
        "“We are extremely happy” about the vote, said Anna Kowalski, director of the "
        "Springfield Nurses Union, a union that has long opposed the plan.",
        ("Anna Kowalski", "tail"),
        id="tail-cue-with-long-appositives",
    ),
    pytest.param(
        "Tom Baker spoke first.\n\n“I hope you are able to find the missing files.” Tom Baker "
        "said.",
        ("Tom Baker", "QCV"),
        id="bare-cue-after-a-closed-sentence",
    ),
    pytest.param(
        "Anna Kowalski met the voters.\n\n“We will win,” she said. He’s predicting that "
        "Tom Baker will lose “by a mile.”",
        (None, "sentence"),
        id="contraction-is-auxiliary",
    ),
]


@pytest.mark.parametrize("text, expected", RESOLUTION)
def test_speaker_resolution(text, expected):
    row = _statements(find_quotes(text)).iloc[-1]
    speaker, method = expected
    assert row["method"] == method
    if speaker is None:
        assert _na(row["speaker"])
        assert not _na(row["speaker_start"])  # the mention is still shown
    else:
        assert row["speaker"] == speaker
        assert row["speaker_id"] == "person:" + speaker.lower().replace(" ", "-")


# text, expected (method, mention, speaker) of the last quote: a common-noun phrase is the
# speaker's mention (a description, resolved to nobody), not an earlier name
DESCRIPTIONS = [
    pytest.param(
        "“The gifts were all opened,” says the ad’s narrator, going on to list other presents.",
        ("role", "the ad’s narrator", None),
        id="possessive-inside-a-description",
    ),
    pytest.param(
        "Tom Baker was asked about child care. The Ohio senator’s answer was that “the family"
        " comes first.”",
        ("possessive", "The Ohio senator", None),
        id="possessive-of-a-role",
    ),
    pytest.param(
        "The city remains under a curfew. The protesters marching through the streets chanted"
        " “What curfew?” and kept going.",
        ("role", "The protesters", None),
        id="description-before-a-participle-phrase",
    ),
    pytest.param(
        "Orlando was on the minds of the celebrants, with many marchers and spectators chanting"
        " “We are Orlando.”",
        ("role", "many marchers and spectators", None),
        id="absolute-with-construction",
    ),
    pytest.param(
        "Alongside calls for action, even a top strategist said she will have to choose, saying,"
        " “At some point, she is going to have to come out.”",
        ("role", "even a top strategist", None),
        id="alongside-opener",
    ),
    pytest.param(
        "“Will he be the next attorney general?” a Democratic staffer in the room wondered.",
        ("role", "a Democratic staffer", None),
        id="description-before-a-place-phrase",
    ),
    pytest.param(
        "Tom Baker spoke first.\n\n“We will win this fight,” said the woman, who asked not to "
        "be named.",
        ("role", "the woman", None),
        id="description-after-cue",
    ),
    pytest.param(
        "According to the local newspaper, “the mayor knew about the leak for many weeks.”",
        ("according_to", "the local newspaper", None),
        id="according-to-description",
    ),
    pytest.param(
        "Tom Baker spoke first.\n\n“We are going to win this thing,” Baker’s office said in a "
        "statement.",
        ("role", "Baker’s office", "Tom Baker"),  # the office speaks for Baker
        id="possessive-name-description",
    ),
    pytest.param(
        "“What if he had taken elocution lessons?” the 43-year-old asked.",
        ("role", "the 43-year-old", None),
        id="hyphenated-age-description",
    ),
    pytest.param(
        "At the rally, the secretary of state said she was “not only here to do my job” today.",
        ("sentence", "the secretary of state", None),
        id="role-of-noun-description",
    ),
    pytest.param(
        "Anna Kowalski has touted her record—“the longest expansion in our history, and a "
        "proud one.”",
        ("sentence", "Anna Kowalski", "Anna Kowalski"),
        id="direct-quote-after-cue-in-sentence",
    ),
    pytest.param(
        "“We lost. Everything is on the table,” Tom Baker told reporters after hinting that "
        "“big changes” could come.",
        ("sentence", "Tom Baker", "Tom Baker"),
        id="partial-after-quote-opening-sentence",
    ),
    pytest.param(
        "Anna Kowalski, during a town hall meeting in Dayton, Ohio, said she was “going to win "
        "the state easily.”",
        ("sentence", "Anna Kowalski", "Anna Kowalski"),
        id="subject-before-aside-and-cue",
    ),
    pytest.param(
        "Then Tom Baker went fully on the attack, saying he was “sick of the lies.”",
        ("sentence", "Tom Baker", "Tom Baker"),
        id="subject-after-intro-word-without-comma",
    ),
    pytest.param(
        "Here in Dayton, Tom Baker stepped up his campaign, saying he wants “a fair deal for "
        "farmers.”",
        ("sentence", "Tom Baker", "Tom Baker"),
        id="subject-after-intro-adverb",
    ),
    pytest.param(
        "The complaint, which was filed in May, alleged that the firm “failed to protect its "
        "customers.”",
        ("sentence", "The complaint", None),
        id="description-subject-before-aside",
    ),
    pytest.param(
        "The retired surgeon has offered no details, saying only that he was “refining some "
        "practices.”",
        ("sentence", "The retired surgeon", None),
        id="description-subject-before-finite-verb",
    ),
    pytest.param(
        "Said Tom Baker, who grew up with her in the neighborhood, “We were all so proud of her.”",
        ("VCQ", "Tom Baker", "Tom Baker"),
        id="sentence-initial-cue",
    ),
    pytest.param(
        "The network, Tom Baker said, called the plan “a disaster for everyone.”",
        ("sentence", "Tom Baker", "Tom Baker"),
        id="aside-with-its-own-cue-is-not-skipped",
    ),
    pytest.param(
        "“I will look into it, and I will certainly release them.”\n\n— Anna Kowalski.",
        ("dash", "Anna Kowalski", "Anna Kowalski"),
        id="dash-signature-paragraph",
    ),
]


@pytest.mark.parametrize("text, expected", DESCRIPTIONS)
def test_description_speakers(text, expected):
    row = _statements(find_quotes(text)).iloc[-1]
    method, mention, speaker = expected
    assert row["method"] == method
    assert text[int(row["speaker_start"]) : int(row["speaker_end"])] == mention
    assert _na(row["speaker"]) if speaker is None else row["speaker"] == speaker


def test_participle_object_is_not_a_description_speaker():
    # `describing the team`: the object of an -ing cue, not who spoke
    q = _statements(find_quotes("“It was a distortion,” describing the team as accomplished."))
    assert _na(q.iloc[0]["speaker_start"])


def test_possessive_noun_before_participle_is_not_the_speaker():
    # `Baker's tweet saying`: a noun and its modifier; the speaker is the sentence's subject
    text = "Anna Kowalski said Baker's tweet saying “we are all doomed” was a stunt."
    row = _statements(find_quotes(text)).iloc[-1]
    assert row["speaker"] == "Anna Kowalski"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("“The impact remains very unclear,” the IMF report stated on Tuesday.",
         "International Monetary Fund"),
        ("“We will not comment on the case,” Colin Powell's office said.", "Colin Powell"),
        ("“We will win,” Galia Slayen said. Mark Grayson's spokeswoman said he “will be a"
         " very good president.”", None),
    ],
)  # fmt: skip
def test_voice_of_a_named_entity(text, speaker):
    row = _statements(find_quotes(text)).iloc[-1]
    assert row["speaker"] == speaker if speaker else _na(row["speaker"])


@pytest.mark.parametrize(
    "text, mention",
    [
        ("“I have great respect for them,” this Trump look-alike declared in Mexico City.",
         "this Trump look-alike"),
        ("“Ho, ho! The mayor has got to go!” some protesters chanted after the release.",
         "some protesters"),
        ("Khan, who is Muslim, also decried the calls to ban “all Muslims from the country.”",
         "Khan"),
    ],
)  # fmt: skip
def test_description_mentions(text, mention):
    row = _statements(find_quotes(text)).iloc[0]
    assert text[int(row["speaker_start"]) : int(row["speaker_end"])] == mention


def test_quantifier_and_preposition_are_not_names_in_a_subject():
    text = (
        "One operative inside Trump Tower tried to downplay the comments, saying they were"
        " “not a big deal around here.”"
    )
    row = _statements(find_quotes(text)).iloc[0]
    assert _na(row["speaker"])
    assert text[int(row["speaker_start"]) : int(row["speaker_end"])] == "One operative"


@pytest.mark.parametrize(
    "text, mention",
    [
        ("The Vermont senator emailed supporters saying: “The struggle continues.”",
         "The Vermont senator"),
        ("Another intelligence source speaking to Fox News said, “The agents are investigating"
         " the donations.”", "Another intelligence source"),
    ],
)  # fmt: skip
def test_addressees_and_places_are_not_the_speaker(text, mention):
    row = _statements(find_quotes(text)).iloc[0]
    assert text[int(row["speaker_start"]) : int(row["speaker_end"])] == mention


@pytest.mark.parametrize(
    "text, mention",
    [
        ("It was cut from a rally with Clinton and Grimes, where the secretary of state said she"
         " was “not only here to do my job” but also to back her candidate.",
         "the secretary of state"),
        ("“His email account initiated a number of emails,” said one source who identified Jake"
         " Sullivan but spoke on condition of anonymity.", "one source"),
    ],
)  # fmt: skip
def test_relative_and_subordinate_clauses_bound_the_speaker(text, mention):
    row = _statements(find_quotes(text)).iloc[0]
    assert text[int(row["speaker_start"]) : int(row["speaker_end"])] == mention
    assert _na(row["speaker"])


def test_second_partial_quote_with_its_own_cue():
    text = (
        "Ted Cruz accuses Barack Obama of “leading from behind” and Donald Trump says he's"
        " “losing the war on terrorism,” part of a lashing."
    )
    q = _statements(find_quotes(text))
    assert q["speaker"].tolist() == ["Ted Cruz", "Donald Trump"]


def test_partial_quote_takes_the_attribution_of_a_later_quote_in_its_sentence():
    text = (
        "Guns are “the ultimate public health crisis” and “stunt children's growth,” Mary"
        " Walton, the former governor, proclaimed to a cheering crowd."
    )
    q = _statements(find_quotes(text))
    assert q["speaker"].tolist() == ["Mary Walton", "Mary Walton"]


def test_partial_quotes_before_a_cue_ending_the_sentence():
    text = (
        "His endorsements will carry “a great deal of weight” and bring candidates the"
        " “grass-roots firepower” they need to win, spokesman Tom Baker said."
    )
    q = _statements(find_quotes(text))
    assert q["speaker"].tolist() == ["Tom Baker", "Tom Baker"]


def test_appositive_with_a_number_abbreviation():
    text = (
        "Only two senators took a meeting. As Tom Baker, the No. 2 in the party leadership, put"
        " it: “This person will not be confirmed.”"
    )
    assert _statements(find_quotes(text)).iloc[0]["speaker"] == "Tom Baker"


def test_cue_between_questions_belongs_to_the_next_quote():
    text = (
        "Mary Walton responds to Baker with, “Why now? That was on my way to Libya?” Baker then"
        " writes back, “You look cute.”"
    )
    q = _statements(find_quotes(text))
    assert q["speaker"].tolist() == ["Mary Walton", "Baker"]
    split = _statements(find_quotes("“Why now?” Tom Baker asked, “and why here?”"))
    assert split["speaker"].tolist() == ["Tom Baker", "Tom Baker"]


def test_group_adjective_before_a_cue_word_makes_a_noun():
    from analysis.speakers import verb_at, word_tokens

    toks = word_tokens("rated 32% of Republican claims as false")
    assert verb_at(toks, 5) == 0  # `Republican claims`: a noun
    toks = word_tokens("Republicans claims fraud; the Utah Republican claims fraud")
    assert verb_at(toks, 1) == 1 and verb_at(toks, 7) == 1


def test_cue_in_an_aside_between_dashes_is_not_the_quote_s():
    text = (
        "Every question put Mary Walton on the defensive. She mocked her rivals and assured the"
        " crowd that she is not weak - as Tom Baker has said - and she can “guarantee” a win."
    )
    assert _statements(find_quotes(text)).iloc[0]["speaker"] != "Tom Baker"


def test_adverb_opener_is_never_the_speaker():
    text = (
        "Shortly after the call ended, the campaign sent out a press release saying Smith owes"
        " “Florida an explanation.”"
    )
    assert _statements(find_quotes(text)).iloc[0]["speaker_start"] != 0


def test_title_case_headline_is_no_speaker_name():
    text = (
        "Mary Walton Reassures House Democrats 2016 Is Not Just About Her.\n\n"
        "Rep. Tom Baker said Walton called on members to be “closely coordinated.”"
    )
    speakers = _statements(find_quotes(text))["speaker"].tolist()
    assert speakers == ["Walton"]  # not `Mary Walton Reassures House Democrats`


def test_appositive_holding_a_list():
    text = (
        "The new plans “are steps in the right direction,” Mary Walton, assistant secretary for"
        " population, refugees, and migration, said on the same call."
    )
    assert _statements(find_quotes(text)).iloc[0]["speaker"] == "Mary Walton"


def test_relative_who_after_an_appositive_is_the_name():
    text = (
        "“We are gearing up,” said Tom Baker, the chamber's chief strategist, who added that the"
        " group plans to focus on “local issues like the sheriff.”"
    )
    q = _statements(find_quotes(text))
    assert q["speaker"].tolist() == ["Tom Baker", "Tom Baker"]
    assert q["method"].tolist()[-1] == "sentence"


def test_object_of_a_preposition_is_not_a_subject_after_the_quote():
    text = (
        "But even as Trump claimed on Tuesday that “General Petraeus got in trouble for far"
        " less,” one of the former prosecutors for David Petraeus said the cases differ."
    )
    assert _statements(find_quotes(text)).iloc[0]["speaker"] == "Donald Trump"  # a public figure


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "City Attorney Brad Holm said in the letter that the advertisement “unmistakably and"
            " wrongfully” suggests that Phoenix supports the campaign.",
            "Brad Holm",
        ),
        (
            "The spot ends with footage of Trump saying during the debate, “That makes me smart,”"
            " when Clinton blasted him for not paying taxes.",
            "Donald Trump",  # a public figure (people.tsv)
        ),
    ],
)
def test_clause_after_the_quote_is_not_its_attribution(text, speaker):
    assert _statements(find_quotes(text)).iloc[0]["speaker"] == speaker


@pytest.mark.parametrize(
    "text, clause, speaker",
    [
        (
            "Demir pointed out that such a collaboration would be advantageous for all parties.",
            "such a collaboration would be advantageous for all parties",
            "Demir",
        ),
        (
            "The embargo will stay in place for years, John Smith said.",
            "The embargo will stay in place for years",
            "John Smith",
        ),
        (
            "Mary Jones said on Monday that the plan would fail.",
            "the plan would fail",
            "Mary Jones",
        ),
        (
            "Aparna Mathur, who studies tax policy at the institute, said Ivanka Trump's"
            " statement did not clarify the matter.",
            "Ivanka Trump's statement did not clarify the matter",
            "Aparna Mathur",
        ),
    ],
)
def test_indirect_speech(text, clause, speaker):
    q = find_quotes(text)
    row = q[q["kind"] == "indirect"].iloc[0]
    assert (row["text"], row["speaker"], row["method"]) == (clause, speaker, "indirect")


def test_unclosed_quote_is_cut_at_its_paragraph():
    text = (
        "Mary Jones said: “This quote never closes.\n\n"
        "The next paragraph is narration about other things.\n\n"
        "“A new quote starts here,” John Smith said."
    )
    q = _statements(find_quotes(text))
    assert q["text"].tolist() == ["This quote never closes.", "A new quote starts here,"]
    assert q["closed"].tolist() == [False, True]
    assert q["speaker"].tolist() == ["Mary Jones", "John Smith"]


def test_stray_mark_does_not_swallow_the_article():
    paragraphs = ["He said “this opens and never closes at all."]
    paragraphs += [f"“Paragraph {i} goes on and on." for i in range(12)]
    text = "\n\n".join(paragraphs)
    q = find_quotes(text)
    assert (q["end"] - q["start"]).max() < len(text) / 2
    assert not q["closed"].all()


@pytest.mark.parametrize(
    "text, start, expected",
    [
        # a single mark opening the body right after a letter: the rules take it as opening
        ("Headline'Ready now,' she said.", 8, [(9, 19, True)]),
        (
            "Intro.\n\n'First words,' he said.\n\n“Second ones,” she said, 'third' ones."
            "\n\n'Last,'",
            0,
            [(9, 21, True), (34, 46, False), (59, 64, True), (74, 79, True)],
        ),
        (
            "“Open goes on\n\n“and on\n\n'not' closed here,” said X.",
            0,
            [(1, 22, False), (25, 28, True)],
        ),
    ],
)
def test_marks_at_paragraph_edges(text, start, expected):
    """The marks of all paragraphs are found in one scan: those opening or ending one read
    as they do in the paragraph alone."""
    assert [(s.start, s.end, s.single) for s in find_spans(text, start)] == expected


def test_apostrophes_are_not_quotes():
    text = "Russia's S-400 arrived in the '90s, O'Neill's team said, and the players' union agreed."
    assert find_spans(text) == []


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n ", '"' * 5000, "“" * 3000, "'" * 3000, "A" * 20000, "”“" * 2000 + "said he",
     "\u200b\ufeff“\u0301”\n\n„‟«»〝〞", "said said said said, said: “" * 200],
)  # fmt: skip
def test_odd_input_never_raises(text):
    q = find_quotes(text)
    for row in q.itertuples():
        assert row.text  # never an empty span


def test_offsets_index_the_text(seed_analysis):
    text = seed_analysis.articles["text"].iloc[0]
    for table in ("quotes", "quote_sentences"):
        for row in getattr(seed_analysis, table).itertuples():
            assert text[row.start : row.end] == row.text
    ids = seed_analysis.quotes["speaker_start"].dropna().astype(int)
    ends = seed_analysis.quotes["speaker_end"].dropna().astype(int)
    assert all(text[s:e] for s, e in zip(ids, ends, strict=True))


def test_seed_statements(seed_analysis):
    q = seed_analysis.quotes
    statements = q[q["kind"] == "direct"]
    assert len(statements) == 2
    assert statements["speaker"].tolist() == ["Ismail Demir", "Ismail Demir"]
    assert statements["speaker_id"].tolist() == ["person:ismail-demir"] * 2
    assert statements["method"].tolist() == ["QCV", "pronoun"]
    first, second = statements["compound"].tolist()
    assert first > 0.5
    assert second < -0.3
    title = q[q["text"] == "Defence industry goals for 2023"]
    assert title["kind"].tolist() == ["title"]
    indirect = q[q["kind"] == "indirect"]
    assert indirect["text"].tolist() == [
        "such a collaboration would be advantageous for all parties"
    ]
    assert indirect["speaker"].tolist() == ["Ismail Demir"]


def test_seed_quote_sentences(seed_analysis):
    qs = seed_analysis.quote_sentences
    first = qs[qs["quote_id"] == 0]
    assert len(first) == 4  # four sentences inside the first statement
    assert first["text"].iloc[0] == (
        "We offer our products to local security forces as well as friendly countries and our "
        "allies."
    )


def test_speaker_comes_from_entities_when_present():
    text = "“We have learned our lessons,” Demir said."
    doc = Document(text=text)
    doc.tables["sentences"] = split_sentences(text)
    start = text.index("Demir")
    doc.tables["entities"] = [
        {"sentence_id": 0, "start": start, "end": start + 5, "text": "Demir", "label": "PERSON",
         "entity_id": "person:ismail-demir", "canonical_name": "Ismail Demir", "country": None,
         "role": None, "method": "test"}
    ]  # fmt: skip
    rec = quote_step(doc)["quotes"][0]
    assert (rec["speaker"], rec["speaker_id"]) == ("Ismail Demir", "person:ismail-demir")


def _entity(text, part, label, canonical):
    start = text.index(part)
    eid = f"{label.lower()}:{canonical.lower().replace(' ', '-')}"
    return {"sentence_id": 0, "start": start, "end": start + len(part), "text": part,
            "label": label, "entity_id": eid, "canonical_name": canonical, "country": None,
            "role": None, "method": "test"}  # fmt: skip


def _quote_with_entities(text, entities):
    doc = Document(text=text)
    doc.tables["sentences"] = split_sentences(text)
    doc.tables["entities"] = entities
    return [r for r in quote_step(doc)["quotes"] if r["kind"] != "indirect"][-1]


def test_entity_record_cut_inside_a_name_is_not_the_speaker():
    text = "“We must talk,” President Park Geun-hye said."
    rec = _quote_with_entities(text, [_entity(text, "Park Geun", "PERSON", "Park Geun")])
    assert rec["speaker"] == "Park Geun-hye"


def test_entity_record_with_title_and_wrong_label():
    text = "Ohio Party Chairman David Pepper spoke.\n\n“It is a huge win,” he said."
    ent = _entity(
        text, "Ohio Party Chairman David Pepper", "ORG", "Ohio Party Chairman David Pepper"
    )
    rec = _quote_with_entities(text, [ent])
    assert (rec["speaker"], rec["method"]) == ("David Pepper", "pronoun")


def _bench():
    spec = importlib.util.spec_from_file_location(
        "eval_quotes", ROOT / "benchmarks" / "eval_quotes.py"
    )
    bench = importlib.util.module_from_spec(spec)
    sys.modules["eval_quotes"] = bench
    spec.loader.exec_module(bench)
    return bench


def _attr(aid, source, cue, at):
    return {"id": aid, "source": {"spans": [[at, at + len(source)]], "text": source},
            "cue": {"spans": [[at + 50, at + 50 + len(cue)]], "text": cue},
            "content": {"spans": [[0, 1]], "text": "x"}}  # fmt: skip


def test_benchmark_gold_keys():
    bench = _bench()
    attrs = [
        _attr("E1", "Sanders's campaign manager, Jeff Weaver,", "said", 0),
        _attr("E2", "said", "Hester", 100),  # Source and Cue swapped by the annotator
        _attr("E3", "Bernie Sanders", "said", 200),
        _attr("E4", "Ms. Jane Doe", "said", 300),
        _attr("E5", "he", "said", 400),  # not Jane Doe: the last Source he can be
        _attr("E6", "Former Secretary of State Madeleine Albright", "urged", 500),
    ]
    keys = bench.gold_keys(attrs)
    assert keys == {"E1": "weaver", "E2": "hester", "E3": "sanders", "E4": "doe", "E5": "sanders",
                    "E6": "albright"}  # fmt: skip


def test_polnear_dev_subset():
    """Measured figures on the first 30 PolNeAR dev articles stay above their floors."""
    eval_path("quotes", "polnear_dev_attributions.jsonl")
    spec = importlib.util.spec_from_file_location(
        "eval_quotes", ROOT / "benchmarks" / "eval_quotes.py"
    )
    bench = importlib.util.module_from_spec(spec)
    sys.modules["eval_quotes"] = bench
    spec.loader.exec_module(bench)
    figures = bench.figures(bench.evaluate(bench.load_gold("dev"), limit=30))
    assert figures["recall"] >= 0.90
    assert figures["precision"] >= 0.95
    assert figures["speaker_accuracy"] >= 0.75


# --- the article's tokens, cut into windows --------------------------------------------------

WINDOW_TEXT = (
    'Mr. Smith, the U.S. envoy, said Obama\'s plan was "dead." Gen. F. Kerry (R-Ky.) replied:'
    " “It isn't.”\n\nRussia’s S-400, the Washington-led talks, 3.5 percent.)Next: al-Assad said."
)


def test_article_token_windows_match_tokenizing_the_window():
    from analysis.speakers import ArticleTokens, word_tokens

    doc = Document(text=WINDOW_TEXT)
    doc.tables["sentences"] = split_sentences(WINDOW_TEXT)
    tokens = ArticleTokens(doc)
    assert tokens.toks == word_tokens(WINDOW_TEXT)
    n = len(WINDOW_TEXT)
    for start in range(n):
        for end in range(start + 1, min(n, start + 40) + 1):
            assert tokens.window(start, end) == word_tokens(WINDOW_TEXT, start, end), (start, end)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Foreign Prime spoke", "Foreign Prime"),
        ("Foreign Prime minister spoke", "Prime"),  # `Prime minister`: a role of two words
    ],
)
def test_name_in_run_memo_reads_the_word_after_a_role_head(text, name):
    # the name of a capitalised run is memoised per run; the word after the run is part of
    # the key when it may complete a role, so the same run reads the same as unmemoised
    from analysis.speakers import _name_mention, word_tokens

    toks = word_tokens(text)
    assert _name_mention(text, toks, 0, 2).name == name
