"""Danger detection on both sides: emergencies raise the alarm; past, hypothetical and police
questions do not. These messages were written for Harbour's tests, in many voices, not taken
from any evaluation set."""

import pytest

from harbour.answering.engine.danger import DangerDetector, parse_rules, read
from harbour.answering.engine.semantic import MESSAGE_WORDS

DETECTOR = DangerDetector()

EMERGENCIES = [
    "he's got a knife and he's saying he'll use it",
    "my husband is strangling me help",
    "hes choking me i got away for a sec",
    "he just threw me against the wall and now hes gone to get the kids from school",
    "my ex is outside banging on the door and shouting he will kill me",
    "he says he's going to kill us all tonight",
    "hes drunk and smashing the kitchen up, the kids are hiding upstairs",
    "he has a gun in the house and is threatening to shoot me",
    "my baby daddy snatched our daughter from nursery and wont answer his phone",
    "he took the kids this afternoon and says i will never see them again",
    "i want to end my life tonight",
    "i've taken an overdose",
    "i cant go on, i just want it all to stop, ive got pills",
    "my son hasnt come home from his dads and the phone is off",
    "hes trying to get in through the back window",
    "he found me at the refuge and hes waiting outside",
    "he is kicking me and i am pregnant",
    "my partner keeps hitting our 3 year old right now",
    "pls help hes hitting me",
    "hes on his way here and says hes going to finish me off",
    "im locked in the bedroom and hes kicking the door in",
    "my dad has got a machete and is waiting for my mum",
    "he punched me 5 mins ago and hes still in the house",
    "i think hes going to kill me this time",
    "they are taking me abroad next week to marry me off and took my passport",
    "he's holding the baby and threatening to hurt her if I leave",
    "he put a pillow over my face last night and is back in the house now",
    "cant talk hes here",
    "my ex is at my front door now, he has a non mol against him",
    "my partner says he will kill himself and he has our son with him",
    "dont know what to do hes just come in with a cricket bat",
    "there's someone following me right now and I think it's him",
    "he keeps kicking the bathroom door, how long will the lock hold",
    "the baby has gone floppy after he shook her",
    "i'm hiding in the cupboard with my daughter please hurry",
    # a calm word elsewhere in the message never cancels violence happening now
    "he threatened to kill me and he's banging on the door",
    "my ex threatened to kill me and now he is outside with a knife",
    "he has a knife and threatened to stab me",
    "he is trying to break in, he has sent voicemails all night",
    "scared he will find us, he is outside the door",
    "if he turns up he will kill me, he is outside right now",
    "My son was born in 2020. His dad has a knife and is kicking the door in.",
    "He used to hit me. He has a knife and is kicking the door in.",
    "He was arrested last year. Now he is at the door with a knife.",
    "they were kicking the back door in and im on my own with the kids",
    "the baby was floppy and now she is not waking up",
    "he's not here right now but he's on his way here and says he'll kill me",
    # a relative writing about someone else, a child finding a parent, coded
    "my sister's boyfriend has just punched her, I can hear it on the phone",
    "mummy took lots of pills and she wont wake up",
    "he has locked her and the baby in the bathroom",
    "he's got my daughter by the throat",
    "he just sent a picture of our son in his car and says I'll never find him",
    "sos",
    "can you send the police to mine, he is reading over my shoulder",
    "he's waiting outside right now and the kids are in the car",
    "there are marks round my neck from an hour ago and he says next time he'll do it properly",
    "how do i get out of a bedroom window with a toddler, he is outside the door",
    "he has locked the front door and kept the key and says we are not leaving tonight",
    # what is happening first, the background after
    "hes hitting me. he used to do this all the time",
    "he has taken my son and driven off. we split up last year",
    "he was arrested last year. hes waiting outside",
    "SOS",
    "hes punching my mum downstairs",
    # phrases added with the recent-day rule (2026-11-26, fifth session)
    "he is hammering on the bedroom window",
    "he wont let me leave the house and the kids are crying",
    "hes trying to break the door, can i get an occupation order",
    "my girl has been missing since she left school",
    "ive injected all my insulin",
    "he drove off drunk with our son in the back",
    # phrases a fifth safety review found missing (2026-11-26, fifth session), in new words
    "cnt breath he wont let go",
    "my brother has taken a whole box of his tablets and wont open the door",
    "she texted me goodbye and her phone is off",
    "my son is on the roof of the car park and wont come down",
    "they are making me marry my cousin, my dad has my passport",
    "he sped off with the baby in the back of his van",
    "the school say he collected them and he is on his way to the airport with them",
    "he keeps reversing into us in the car park, the kids are in the back",
    "he climbed over the garden fence and is at the patio doors",
    "can you stay on with me, i can hear him on the stairs",
    "i swallowed pills a minute ago",
    # a sixth review's kinds (long messages, danger in the middle), in new words
    "he has the scissors to my face and says dont move",
    "hes tied me to the chair in the kitchen",
    "she swallowed all the tablets in the drawer",
    "my son is on the wrong side of the railings on the bridge",
    "he left the gas on and locked the door",
    "my uncle has a one way ticket for my sister, they leave tonight to marry her off",
    # a seventh review's kinds, in new words
    "can you stay on here with me till he goes to sleep",
    "if i stop replying ring the police to my flat",
    "he says hell drown the baby if i tell anyone",
    # an eighth review's kinds, in new words
    "please stay with me",
    "dont leave me",
    "he broke in and took the baby",
    "my dad has broken in and has my little brother",
    # a tenth review's kinds, in new words
    "he wont bring my son back and his phone is off",
    "my ex is driving to the port with the baby right now",
    "hes sharpening something and staring at me",
    "he has her head in the sink",
    "he has padlocked me in the garage",
    "the police took him away on saturday but hes just kicked the front door in",
    "he's let himself in with an old key and he's in the kitchen",
    # a thirteenth review's kinds, in new words
    "hes pushing his way in past my sister and shes on the floor",
    "ive taken all the pills from the bathroom cabinet",
    "i got a rope from the shed and im sat in the car with it",
    "he says once the baby is asleep he is going to deal with me properly",
    "he lock the door and he keep the key, we cannot go out",
    "he is grabbing my son out of the pram",
    "hes back in the house and throwing the plates",
]

CALM = [
    "he used to hit me but we split up two years ago, can social services still get involved",
    "my ex was sent to prison for strangling me in 2020, will the sw bring it up",
    "what happens if he breaks the non molestation order",
    "if he ever comes back what should i do",
    "i watched a film where the police gave a man a notice to stay away, is that real",
    "can the police tell social services if i call them",
    "what counts as an emergency, should i call 999 or 101",
    "how long does a dvpo last",
    "he threatened me last year, can i still get a non mol",
    "my social worker says the kids are at risk of harm from my partner",
    "the school rang social services because my son said daddy hits mummy, that was months ago",
    "how do i get a restraining order against a neighbour who keeps shouting at me",
    "my ex keeps turning up outside my house on the weekends, can i get an order",
    "the sw says i cant talk to my partner while the plan is in place",
    "will they take my baby away if i tell the midwife about my ex",
    "he never hit me but he controls all the money, is that abuse",
    "my landlord will not give back my deposit",
    "i had thoughts of suicide years ago, will that count against me at the conference",
    "hypothetically if he hit me again would the police arrest him",
    "my friend says he might kill someone one day, she is exaggerating, he is all talk",
    "what is a forced marriage protection order and who can apply",
    "can i get an occupation order if he owns the house",
    "my daughter told her teacher that daddy used to shout, now the school wants a meeting",
    "my ex took the kids to his mums for the weekend as agreed",
    "i called the police last night when he was kicking off, he left before they came",
    "can i just ask what a child in need plan is, i cant talk on the phone",
    "he keeps sending me messages saying he will kill me, can i get a non mol",
    "he threatened to kill me before, how do i stop contact at the hearing",
    "if my ex turns up kicking the door in, do i ring 999 or the social worker",
    "my son has contact on saturday and i am scared he will hurt him, can i say no",
    "my daughter keeps kicking off at school since we left, is there a group for her",
    "how quickly can i get a non molestation order after he hit me",
    "someone keeps following me and sending threats, nobody is in danger now but i want it to stop",
    "hes not here right now but he keeps parking outside my house, which police number do i use",
    "he punched her last year and she has left him now, can my daughter get a non mol",
    "i'm scared he'll take them abroad one day and i'll never find them",
    "He threatened to burn the house down with us in it. That was in March and he's in prison now.",
    "a man i met twice keeps messaging and waiting outside my work, can i get an order",
    "he locked the door on me last week when we argued, can i get a non mol",
    "i want a plan ready for next time he turns up drunk",
    "he kept the key to the flat after he moved out, can i change the locks",
    "will the court send the police to serve the non mol",
    "what does sos stand for in the safety plan",
    "my son keeps trying to climb out of his cot",
    "my mum takes lots of pills for her back, can she look after the kids",
    "we moved so he will never find her, can i change her surname",
    "next time he threatens to kill me what do i do",
    "He threatened me with a knife. That was years ago.",
    "can my mum stay with me in the refuge",
    "the kids stay with me during the week and with him at weekends",
    "please dont leave me without a social worker over christmas",
    "someone broke in and took my purse last year, the police never found them",
    "what if he wont bring the kids back after contact",
    "he wants to take the kids to his country with his new wife, can i stop him",
    "can he take them on the ferry with his parents without asking me",
    "their flight is tonight with their grandparents, can he stop them going",
    "i had a nightmare that he was choking me, is that normal",
    "back in march he punched me in front of the kids, will the social worker ask about it",
    "he hit me in front of the kids and the police took him, what happens with social services",
    "he let himself in on friday while i was at work, is that a breach",
    "my daughter drew a picture of her dad with a knife at school, will they call social services",
    "hes still in custody after he pushed me, what is a dvpn",
    "last time he was home he pinned me against the wall, he is away for two more weeks",
    # beside the thirteenth review's phrases
    "two years ago he forced his way in and the police came, can i still get a non mol",
    "last christmas he took all the pills in the house and ended up in hospital, is he safe to see the kids",
    "when we were together he kept the key so i could not go out, can i mention that at court",
    "can i let him back in the house once he finishes the course",
    "the judge sighed when i mentioned the strangling, is that allowed",
]


# Violence told in the present tense is now, whatever else the message places in the past.
PRESENT_TENSE = [
    "he was charged last month and hes got his hands round my throat",
    "he was charged last month, hes hitting me",
    "he got out of prison last year and he is kicking the door",
    "my ex was sentenced in 2019 and hes battering my son",
    "he was charged last month and im being strangled",
    "he was charged last month and we are being attacked",
    "he got a suspended sentence in the summer, hes here with a screwdriver",
    "she was charged last year and now shes hitting the baby",
    "he breached his bail in april and now hes climbing over the back fence",
    "hes dragging my son out of the house, the court said no contact",
]

# Told as happening beside a word that can name an act: still an alarm.
BESIDE_A_NAMING_WORD = [
    "im scared of him hitting me right now",
    "sorry for the spelling hes hitting me",
    "im hiding from him after him strangling me, hes in the next room",
    # "of" and "about" alone do not name an act: thoughts of suicide are danger now
    "i keep thinking about suicide",
    "ive been having thoughts of suicide",
    "sorry for wanting to kill myself",
    "i can hear the sound of him kicking the door in",
    "the kids are screaming because of him hitting me",
]

# Each has "he's"/"he is" before the violence, and the violence is over or imagined.
PAST_TENSE = [
    "hes been hitting me for years, he was charged last month. can i get a non mol",
    "last year hes had his hands round my throat, he was charged",
    "hes stopped hitting me since he was charged last year",
    "what if hes hitting the kids at contact",
]


@pytest.mark.parametrize("message", EMERGENCIES + PRESENT_TENSE + BESIDE_A_NAMING_WORD)
def test_an_emergency_raises_the_alarm(message):
    assessment = DETECTOR.assess(message)
    assert assessment.danger, assessment


@pytest.mark.parametrize("message", CALM + PAST_TENSE)
def test_past_hypothetical_and_police_questions_do_not(message):
    assessment = DETECTOR.assess(message)
    assert not assessment.danger, assessment


def test_rules_are_data_with_known_kinds():
    with pytest.raises(ValueError):
        parse_rules({"signals": {"x": {"kind": "sometimes", "phrases": ["a"]}}})


def test_wildcards_match_words_between():
    rules = parse_rules({"signals": {"door": {"kind": "happening", "phrases": ["at ** door"]}}})
    assert DangerDetector(rules).assess("he is at my front door").danger
    assert not DangerDetector(rules).assess("the door is at the back").danger


def test_the_model_catches_what_the_rules_miss_but_never_overrules_a_calm_reading():
    near_danger = lambda: (0.92, 0.85)  # noqa: E731
    near_calm = lambda: (0.86, 0.90)  # noqa: E731
    new_words = "he's gone proper mental, i'm in the loo with the little one"
    assert not DETECTOR.assess(new_words).danger
    assert DETECTOR.assess(new_words, nearness=near_danger).danger
    assert not DETECTOR.assess(new_words, nearness=near_calm).danger
    hypothetical = "what should i do if he ever goes proper mental again"
    assert not DETECTOR.assess(hypothetical, nearness=near_danger).danger


def test_danger_told_at_the_end_of_a_calm_message_raises_the_alarm():
    message = ("What does a non-molestation order stop? I was going to apply next month. "
               "He is outside now banging on the window and says he will kill me")
    assert DETECTOR.assess(message).danger
    assert not DETECTOR.assess("What if he comes back next month? Would the police come?").danger


def test_a_sentence_read_alone_keeps_the_rest_of_the_story():
    # "going to hurt us" alone is a threat; the message says he is in prison.
    message = ("My son keeps asking if daddy is going to hurt us again. His dad is in prison. "
               "How do I get him some counselling?")
    assert not DETECTOR.assess(message).danger
    # A sentence that says "now" counts even when the rest is calm or past.
    assert DETECTOR.assess("We split up years ago. He has just broken the back window and he "
                           "is in the house.").danger


def test_the_danger_model_has_its_say_when_no_rule_decides():
    far = lambda: (0.70, 0.90)  # noqa: E731
    message = "can you send someone to my flat, i cant get out and he wont leave"
    assert not DETECTOR.assess(message, nearness=far, probability=lambda: 0.2).danger
    assert DETECTOR.assess(message, nearness=far, probability=lambda: 0.97).danger
    # Over a calm or past reading it needs to be nearly sure (model_over_calm), and nearness
    # to the examples never overrules one.
    hypothetical = "what should i do if he ever wont let me leave the flat"
    over_calm = DETECTOR.rules.semantic.model_over_calm
    assert DETECTOR.rules.semantic.model_threshold < over_calm < 1
    between = (DETECTOR.rules.semantic.model_threshold + over_calm) / 2
    for calm_reading in (hypothetical, "he beat me two years ago"):
        assert not DETECTOR.assess(calm_reading, nearness=far,
                                   probability=lambda: between).danger
        assert not DETECTOR.assess(calm_reading, nearness=lambda: (0.99, 0.5),
                                   probability=lambda: 0.1).danger


@pytest.mark.parametrize("message", [
    # violence told with a calm word or with its history: the rules read these as safe or past
    "I'm safe in the bathroom for now but he's kicking the door",
    "im in a refuge but he's found it and he's at the door",
    "he's on probation and he's got a knife to my throat",
    "He got 18 months for GBH and he's outside my house",
])
def test_a_model_that_is_nearly_sure_overrules_a_calm_or_past_reading(message):
    far = lambda: (0.70, 0.90)  # noqa: E731
    assert DETECTOR.assess(message, nearness=far, probability=lambda: 0.97).danger


def test_violence_without_a_time_word_is_left_to_the_model():
    def near_danger():
        return 0.95, 0.80

    def near_calm():
        return 0.80, 0.95

    message = "my husband is beat me, please what i do"
    assert DETECTOR.assess(message, nearness=near_danger).danger
    assert not DETECTOR.assess(message, nearness=near_calm).danger
    assert not DETECTOR.assess("he beat me two years ago", nearness=near_danger).danger


@pytest.mark.parametrize("message", [
    "he was arrested for strangling me, can he still see the kids",
    "my son still has nightmares of his dad hitting me, who can help",
    "my ex is on bail for battering me, will the court tell me when he is sentenced",
    "my little girl draws pictures of daddy hurting me, should i worry",
])
def test_violence_named_rather_than_told_is_not_an_alarm_from_the_rules(message):
    assessment = DETECTOR.assess(message)
    assert not assessment.danger, assessment
    # ...but the model still reads it (a sure model raises the alarm)
    far = lambda: (0.70, 0.90)  # noqa: E731
    assert DETECTOR.assess(message, nearness=far, probability=lambda: 0.97).danger


@pytest.mark.parametrize("message, danger", [
    # "in the house" and "help me" say where and what she asks, not that it is happening now
    ("the kids were in the house when he hit me, will social services be told", False),
    ("can a refuge help me find a school, he hit me when we lived together", False),
    ("he hit me and hes in the house with the kids", True),
    ("he punched me, he is in the house", True),
    ("he kicked me and hes still in the house", True),
    ("she hit me and shes in the house", True),
    ("help me he hit me", True),
    ("someone help me my dad punched me", True),
    ("the kids were climbing over the fence at the park, is that normal", False),
])
def test_where_it_happened_is_not_when(message, danger):
    assert DETECTOR.assess(message).danger is danger


def test_nearness_alone_gives_way_when_the_model_is_sure_it_is_calm():
    message = "im 15 and my stepdad used to hurt my mum, is there a group for people my age"
    near_danger = lambda: (0.91, 0.90)  # noqa: E731
    floor = DETECTOR.rules.semantic.near_needs_model
    assert 0 < floor < DETECTOR.rules.semantic.model_threshold
    assert not DETECTOR.assess(message, nearness=near_danger,
                               probability=lambda: floor / 2).danger
    # Unsure is not sure: nearness still raises the alarm, as it does with no model at all.
    assert DETECTOR.assess(message, nearness=near_danger, probability=lambda: floor).danger
    assert DETECTOR.assess(message, nearness=near_danger).danger
    # The rules' own alarm never gives way.
    assert DETECTOR.assess("he is strangling me", nearness=near_danger,
                           probability=lambda: 0.001).danger


@pytest.mark.parametrize("message", [
    # A question about the law or a service, with danger now inside it: the model reads most of
    # these as calm questions (0.005 to 0.05), so it must never veto the rules' alarm.
    "can i get a non mol he is strangling me",
    "how do i get a non molestation order hes got his hands round my throat",
    "can social services help me he is hitting the kids",
    "how long does a non mol last he just stabbed me",
    "can i claim legal aid, he has a gun",
])
def test_a_question_with_danger_now_inside_it_raises_the_alarm(message):
    assert DETECTOR.assess(message, nearness=lambda: (0.5, 0.99), probability=lambda: 0.005).danger


# Violence placed on a recent day, with no word saying it is happening now: the rules' alarm
# stands unless the danger model reads the message as calm.
ON_A_RECENT_DAY = [
    "my ex threatened me with a hammer on the 14th and the kids saw it, can i ask for supervised contact",
    "I ran out with the kids on Tuesday night while he was smashing things. Where can we go longer term?",
    "the police took my statement on wednesday about him choking me, do i need a solicitor",
]

# ...but never when the danger sits in a clause of its own, or is one the model never calms.
ON_A_RECENT_DAY_AND_NOW = [
    "can i get a non mol he hit me last night and he has a knife",
    "he beat me yesterday and wont let me leave the house, can social services help",
    "he got out on the 14th and hes trying to break the door",
    "i swallowed all my pills last night, will social services find out",
    "my son did not come home from his dads on friday, can the police make him",
]


@pytest.mark.parametrize("message", ON_A_RECENT_DAY)
def test_violence_on_a_recent_day_is_left_to_a_model_sure_it_is_calm(message):
    floor = DETECTOR.rules.semantic.recent_past_model
    assert 0 < floor < DETECTOR.rules.semantic.model_threshold
    assert DETECTOR.assess(message).danger  # the rules alone: an alarm
    far = lambda: (0.70, 0.90)  # noqa: E731
    assert not DETECTOR.assess(message, nearness=far, probability=lambda: floor / 2).danger
    assert DETECTOR.assess(message, nearness=far, probability=lambda: floor).danger


@pytest.mark.parametrize("message", ON_A_RECENT_DAY_AND_NOW)
def test_a_recent_day_never_calms_danger_told_beside_it(message):
    far = lambda: (0.70, 0.90)  # noqa: E731
    assert DETECTOR.assess(message, nearness=far, probability=lambda: 0.001).danger


def test_nearness_alone_raises_no_alarm_for_a_message_placed_on_a_recent_day():
    message = "he hit me at the weekend, the school has called a meeting, what should i say"
    near_danger = lambda: (0.92, 0.88)  # noqa: E731
    model = DETECTOR.rules.semantic.model_threshold
    assert not DETECTOR.assess(message, nearness=near_danger, probability=lambda: model - 0.1).danger
    assert DETECTOR.assess(message, nearness=near_danger, probability=lambda: model).danger
    # without a recent day, nearness still speaks
    assert DETECTOR.assess("he hit me, the school has called a meeting, what should i say",
                           nearness=near_danger, probability=lambda: model - 0.1).danger


@pytest.mark.parametrize("message, soft", [
    ("he punched me in the car park, court is tomorrow, what should i wear", True),
    ("he slapped me outside the school gates last year, can i ask for another school", True),
    ("he hit me outside, what do i do", False),  # "what do i do" is a "now" of its own
    ("he was charged last year and hes outside", False),  # told in the present tense
])
def test_tomorrow_and_outside_alone_leave_past_violence_to_the_model(message, soft):
    floor = DETECTOR.rules.semantic.recent_past_model
    far = lambda: (0.70, 0.90)  # noqa: E731
    assert DETECTOR.assess(message).danger  # the rules alone: an alarm
    calmed = not DETECTOR.assess(message, nearness=far, probability=lambda: floor / 2).danger
    assert calmed is soft


def test_the_softer_rules_name_real_phrases_and_signals():
    rules = DETECTOR.rules
    assert rules.soft_now and rules.soft_now <= set(rules.now)
    assert rules.model_never_calms <= {signal.name for signal in rules.signals}
    assert rules.calm_recent
    assert not set(rules.calm_recent) & set(rules.now)


def test_the_model_never_calms_what_it_has_not_read():
    # The model embeds a long message's first and last MESSAGE_WORDS / 2 words only: violence
    # on a recent day in the middle of one stays an alarm, however calm the model finds the rest.
    middle = ("I wanted to ask about the school uniform grant because the council form is long "
              "and I am not sure which parts apply to us, as we moved here in the summer. "
              "On Tuesday he threatened me with a hammer in the kitchen when the kids were "
              "asleep. Do I need to send payslips with the form, or will a bank statement do, "
              "and is there a date by which it has to be in for the new school year?")
    words = middle.split()
    hammer = words.index("hammer")
    assert MESSAGE_WORDS // 2 <= hammer < len(words) - (MESSAGE_WORDS - MESSAGE_WORDS // 2)
    far = lambda: (0.70, 0.90)  # noqa: E731
    assert DETECTOR.assess(middle, nearness=far, probability=lambda: 0.001).danger
    short = "on tuesday he threatened me with a hammer, can i get a non mol"
    assert not DETECTOR.assess(short, nearness=far, probability=lambda: 0.001).danger


def test_a_forced_marriage_named_for_a_day_is_never_calmed():
    message = "flight on friday, my family are making me marry him"
    far = lambda: (0.70, 0.90)  # noqa: E731
    assert "forced_marriage" in DETECTOR.rules.model_never_calms
    assert DETECTOR.assess(message, nearness=far, probability=lambda: 0.001).danger


# A code review's cases (2026-11-26, fifth session): danger the model must never calm, and calm
# questions the new phrases must leave alone.
NEVER_CALMED = [
    # a threat names the day he will do it
    "he said he will kill me on friday, how do i get a non mol quickly",
    "he will stab me on sunday if i dont drop the charges",
    # "since" a day is still going on; "before" a day is to come
    "he has a gun since yesterday in the house, can i report it anonymously",
    "he has a gun in the house can i get a non mol before friday",
    # run-ons, dashes and ellipses: the danger is in a clause of its own
    "he hit me last night he has a knife in his pocket",
    "he punched me yesterday \u2013 he has a knife in his jacket",
    "he beat me on sunday\u2026 he has the kids in the car with a knife",
    "he hit me on friday & he has a knife",
    # "the 2nd floor" and "the 3rd time" are not dates
    "he locked me in the bathroom on the 2nd floor, i cant get out",
    # a weapon beside "outside" and a past marker
    "he got out of prison last month and is parked outside the school with a hammer",
    "he was in prison for years and is standing outside with a knife",
    # long, with a calm phrase: the middle sentence is never calmed by a model that read the ends
    ("I read your page about non mols and I'm not sure it fits. On Saturday he held a knife to "
     "my throat in front of the kids, he's still living here and I have nowhere to go. Could "
     "they make him leave?"),
    ("He used to hit me years ago. On Tuesday night he came back with a hammer, he's sleeping in "
     "the spare room and I can't leave. What are my options?"),
]

CALM_BESIDE_THE_NEW_PHRASES = [
    "my mum is right behind me with this, she will come to court with me",
    "my daughter found the messages he sent me, can i use them as evidence in court",
    "will the 999 operator stay on the line with me if i cant talk",
    "my son has been missing school since we moved into the refuge, will we be fined",
    "he sped off when the police arrived at the handover, can i stop contact",
    "there is a leak on the roof of the refuge, who do i tell",
    "he threw a whole box of my clothes in the bin, is that criminal damage",
    "do i need to bring all my medication to the refuge",
    "where should i keep my passport so he cant find it",
    "the kids climbed over the fence into next doors garden, can the neighbour complain",
    "my landlord is nice and will not let me leave without a reference",
    "our car window has smashed in the cold, is that covered by the refuge insurance",
    "can he take the kids to the airport with them not having passports",
    "the kids have been so clingy since we moved, they wont let me out of their sight",
    "if i stop replying to my social worker will they close the case",
]


@pytest.mark.parametrize("message", NEVER_CALMED)
def test_danger_a_sure_model_may_still_not_calm(message):
    far = lambda: (0.70, 0.90)  # noqa: E731
    assert DETECTOR.assess(message, nearness=far, probability=lambda: 0.001).danger


@pytest.mark.parametrize("message", CALM_BESIDE_THE_NEW_PHRASES)
def test_the_new_phrases_leave_calm_questions_alone(message):
    assert not DETECTOR.assess(message).danger


def test_the_model_calms_only_a_message_it_read_alone():
    # A follow-up is embedded with the message before it: that reading never calms the rules.
    message = "he threatened me with a hammer last night"
    far = lambda: (0.70, 0.90)  # noqa: E731
    assert not DETECTOR.assess(message, nearness=far, probability=lambda: 0.001,
                               model_text=message).danger
    assert DETECTOR.assess(message, nearness=far, probability=lambda: 0.001,
                           model_text=f"how do i apply for a non molestation order\n{message}").danger


# The middle of a long message, which the model does not otherwise read (written for these tests)
MIDDLE = ("Hello, I wanted to ask about the free school meals form because my son starts juniors "
          "in September and the rules may have changed. My partner has just pushed my head into "
          "the bathroom mirror and there is glass and blood everywhere. Do I need to send the "
          "form again or does it carry on from infant school?")
MIDDLE_TOLD_AS_PAST = MIDDLE.replace("My partner has just pushed", "Two years ago my ex pushed")


def test_a_sentence_in_the_middle_of_a_long_message_is_read_alone():
    far = lambda: (0.70, 0.90)  # noqa: E731
    calm = lambda: 0.01  # noqa: E731
    sentences = DETECTOR.middle_sentences(MIDDLE)
    assert sentences == ["My partner has just pushed my head into the bathroom mirror and there "
                         "is glass and blood everywhere."]
    assert not DETECTOR.assess(MIDDLE, nearness=far, probability=calm).danger  # the ends are calm
    threshold = DETECTOR.rules.semantic.middle_model_threshold
    assert DETECTOR.rules.semantic.model_over_calm < threshold < 1
    sure = lambda sentence: 0.99 if sentence in sentences else 0.0  # noqa: E731
    unsure = lambda sentence: threshold - 0.05  # noqa: E731
    assert DETECTOR.assess(MIDDLE, nearness=far, probability=calm, sentence_probability=sure).danger
    assert not DETECTOR.assess(MIDDLE, nearness=far, probability=calm,
                               sentence_probability=unsure).danger


def test_only_middle_sentences_told_as_now_are_read_alone():
    assert DETECTOR.middle_sentences(MIDDLE_TOLD_AS_PAST) == []  # placed in the past
    assert DETECTOR.middle_sentences("he has just pushed me into the mirror, there is blood") == []
    many = " ".join([MIDDLE] * 3)
    assert len(DETECTOR.middle_sentences(many)) == DETECTOR.rules.semantic.middle_sentences
    # a message with no full stops is one long sentence: the model has read its ends already,
    # and reading all of it again would cost as much as a second message
    run_on = MIDDLE.replace(".", "").replace("?", "")
    assert len(run_on.split()) > 2 * 24 and DETECTOR.middle_sentences(run_on) == []


SAFE_NOW = [
    "I'm in a safe place now",
    "we're safe at my aunt's now x",
    "Last week was awful but we are safe now in the refuge. What happens at the conference?",
    "im ok now, the police took him away",
    "he's in prison, can he still ask for contact with the kids",
    "my ex is abroad and keeps messaging that he will come back",
    "we got out last night and we're at my cousin's now and safe",
    "he's gone to his mum's for the night, what should i pack for the refuge",
]
SAFE_DOUBTED_OR_TURNED = [
    "I thought we were safe, i can see his car",
    "not safe here",
    "we were safe for a year",
    "we're safe now but he knows the street",
    "i am safe until he finishes work",
    "he was in custody til this afternoon, hes 5 min away",
    "hes in custody until monday",
]


@pytest.mark.parametrize("message", [
    "he punched me this morning. can the school keep the kids in at lunch",
    "i have been crying since the conference this afternoon",
])
def test_a_time_of_day_alone_leaves_past_violence_to_the_model(message):
    sure_calm = DETECTOR.assess(message, nearness=lambda: (0.5, 0.9), probability=lambda: 0.01)
    assert not sure_calm.danger, sure_calm
    # ...and the rules' alarm stands while the model is unsure
    unsure = DETECTOR.assess(message, nearness=lambda: (0.5, 0.9), probability=lambda: 0.5)
    assert unsure.danger, unsure


@pytest.mark.parametrize("message", SAFE_NOW)
def test_safe_now_in_her_words_keeps_the_model_and_nearness_quiet(message):
    sure = DETECTOR.assess(message, nearness=lambda: (0.99, 0.5), probability=lambda: 0.999)
    assert not sure.danger, sure
    assert DETECTOR.says_safe_now(read(message, DETECTOR.rules.text_speak))


@pytest.mark.parametrize("message", SAFE_DOUBTED_OR_TURNED)
def test_a_doubted_or_turned_safe_leaves_the_model_its_say(message):
    assert not DETECTOR.says_safe_now(read(message, DETECTOR.rules.text_speak))


@pytest.mark.parametrize("message", [
    "I'm safe in the bathroom for now but he's kicking the door",
    "im safe, hes got a knife to my throat",
    "we are safe now. he is banging on the door",
])
def test_safe_now_never_quietens_the_rules(message):
    assert DETECTOR.assess(message, nearness=lambda: (0.5, 0.9), probability=lambda: 0.0).danger


def test_no_danger_message_measured_says_it_is_safe_now():
    """The safe-now reading silences the model, so no danger example may carry it."""
    said = [text for text in [*DETECTOR.rules.semantic.danger, *EMERGENCIES, *PRESENT_TENSE]
            if DETECTOR.says_safe_now(read(text, DETECTOR.rules.text_speak))]
    assert said == []


@pytest.mark.parametrize("message", [
    # violence told only in the past, with a question or a time of day beside a safe-now
    "He punched me and smashed the mirror this morning. He's in custody now. What do I do next?",
    "i still get nightmares about him strangling me. it was years ago and im safe now",
    "My ex was jailed today for threatening to kill me. I'm safe, just numb.",
])
def test_past_violence_beside_safe_now_is_not_made_now_by_a_question(message):
    assert not DETECTOR.assess(message).danger, DETECTOR.assess(message)


@pytest.mark.parametrize("message", [
    "we're safe in the car, he just punched me",          # "just" is still now
    "I'm safe in the bedroom. He is kicking the door.",   # a sentence told in the present
    "im safe now. hes got a knife",                       # a weapon is happening, not past
])
def test_safe_now_does_not_soften_what_is_happening(message):
    assert DETECTOR.assess(message).danger, DETECTOR.assess(message)


@pytest.mark.parametrize("message", [
    "my ex is in jail now, can he still see the kids",
    "the police have him, what happens next",
    "im not in danger but i want to talk about what happened",   # a turn after: not safe now
])
def test_held_now_and_not_in_danger_read_as_safe_now_unless_turned(message):
    turned = " but " in f" {message} "
    assert DETECTOR.says_safe_now(read(message, DETECTOR.rules.text_speak)) is not turned
