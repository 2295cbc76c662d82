"""Which scenarios are dangerous, and in what order: one definition for the NLU, the actions
and the measurements (no spaCy here, so the action server can import it cheaply)."""

# The scenarios that put a teen at risk, most urgent first: the order used to label and answer
# messages that name two situations. Danger recall and false alarms are counted on DANGER.
# `intoxication` (pills or medicine taken) is an `urgence` with its own first line: the
# medical emergency number; the rules impose it, the measurements count it as `urgence`.
PRIORITY = ("intoxication", "urgence", "detresse", "chantage", "photo_partagee", "demande_photos",
            "rencontre", "inconnu_ajout", "image_non_sollicitee", "harcelement")
DANGER = ("intoxication", "urgence", "detresse", "chantage")
# every answer with a situation's advice (the rest: everyday, small talk, follow-ups, calls for help)
SITUATIONS = PRIORITY + ("culpabilite", "ami_concerne", "parent_inquiet", "contacts_aide", "signaler_bloquer",
                         "preuves")
# the dialogue names these "immediate": they never depend on the action server
IMMEDIATE = ("intoxication", "urgence", "detresse")
# answers that list every police and emergency number of the country (the others: the general one)
POLICE_SCENARIOS = ("urgence", "chantage", "photo_partagee", "rencontre")
# answers whose helpline card also lists another scenario's lines (pills: the crisis lines)
LISTED_WITH = {"intoxication": ("detresse",), "detresse_ami": ("detresse",)}
# the rest of a teen's life: a kind answer and the general youth line, no emergency number
EVERYDAY = ("autre_souci", "hors_sujet")
# a friend's despair: the crisis line for the friend and "this secret is not kept"
FRIEND_DESPAIR = "detresse_ami"
# a crisis answer stays on the crisis: no typed follow-up's answer is added to it
NO_FOLLOWUP = ("intoxication", "urgence", "detresse", FRIEND_DESPAIR)
# the direct question with the number, asked when a danger is possible but not certain
DOUBT = "verifier_danger"
# the group an answer counts for in the measurements
# follow-up questions that tell a blackmail ("il me laisse jusqu'à minuit", "j'ai déjà payé"):
# as a conversation's first situation, their answer also carries the blackmail's helplines
SUITE_OF = {"si_je_paie": "chantage", "deja_paye": "chantage", "deja_renvoye": "chantage", "delai": "chantage",
            "faux_mail": "chantage"}
# `detresse_ami` (a friend's despair, imposed by the safety net) counts as `detresse`
GROUP_OF = {"intoxication": "urgence", "detresse_ami": "detresse", **SUITE_OF}
# a danger answer given on the classifier's word alone needs this confidence; below it, Vigie
# asks one direct question with the number visible (`verifier_danger`). Chosen per danger on
# the development sets (`python -m bench.danger_threshold`): a false 112 costs most, a false
# "ne paie pas" least.
DANGER_CONFIDENCE = {"intoxication": 0.8, "urgence": 0.8, "detresse": 0.7, "chantage": 0.6}
