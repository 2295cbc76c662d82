"""Which scenarios are dangerous, and in what order: one definition for the NLU, the actions
and the measurements (no spaCy here, so the action server can import it cheaply)."""

# The scenarios that put a teen at risk, most urgent first: the order used to label and answer
# messages that name two situations. Danger recall and false alarms are counted on DANGER.
PRIORITY = ("urgence", "detresse", "chantage", "photo_partagee", "demande_photos", "rencontre",
            "inconnu_ajout", "image_non_sollicitee", "harcelement")
DANGER = ("urgence", "detresse", "chantage")
# the dialogue names these two "immediate": they never depend on the action server
IMMEDIATE = ("urgence", "detresse")
# answers that list every police and emergency number of the country (the others: the general one)
POLICE_SCENARIOS = ("urgence", "chantage", "photo_partagee", "rencontre")
