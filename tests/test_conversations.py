"""Conversations of four to six turns over REST (real Rasa server): a question typed after a
situation is answered for that situation, a new situation replaces the old one, and a despair
told after a blackmail or a shared picture gets the crisis line first and that situation's key
line after it."""
from tooling.processes import texts


def talk(stack, sender: str, country: str, *messages: str) -> list:
    """Every turn's answers, in order, after choosing the country."""
    stack.send(sender, '/informer_pays{"pays":"%s"}' % country)
    return [stack.send(sender, message) for message in messages]


def bullets(answers: list) -> list:
    return [line for line in texts(answers).splitlines() if line.startswith("• ")]


def test_a_stranger_then_a_request_for_photos(stack):
    added, blocking, request, words, helplines = talk(
        stack, "conv-stranger", "FR",
        "un mec que je connais pas m'a ajouté sur snap", "comment je le bloque ?",
        "la il me demande des photos de moi", "je lui réponds quoi ?", "qui je peux appeler ?")
    assert "tu ne lui dois rien" in texts(added)
    assert bullets(blocking)[0].startswith("• Snapchat"), "the app named earlier comes first"
    assert "Tu as le droit de dire non" in texts(request)
    assert "Des mots à copier" in texts(words)
    assert "3018" in texts(helplines) and "police pour les mineurs" in texts(helplines)


def test_harassment_that_turns_into_a_blackmail(stack):
    harassed, helplines, blackmail, helplines_after, thanks = talk(
        stack, "conv-harassed", "BE",
        "on se moque de moi tous les jours sur un groupe insta", "qui je peux appeler ?",
        "et maintenant il menace de publier mes photos si je paie pas 100 euros", "qui appeler ?", "merci")
    assert "Ce n'est pas ta faute" in texts(harassed)
    assert "103" in texts(helplines) and "Police" not in texts(helplines)
    assert texts(blackmail).startswith("Stop : ne paie pas")
    assert "Police : 101" in texts(helplines_after), "the blackmail replaced the harassment"
    assert "Avec plaisir" in texts(thanks)


def test_despair_after_a_blackmail_gets_the_crisis_line_then_the_blackmail_line(stack):
    blackmail, if_i_pay, deadline, despair = talk(
        stack, "conv-deadliest", "CH",
        "il a des photos de moi et il veut 200 francs sinon il les envoie à ma classe",
        "et si je paie il supprime tout ?", "il me laisse jusqu'à ce soir minuit",
        "jen peux plus j'ai envie de disparaître")
    assert "ne paie pas" in texts(blackmail) and texts(if_i_pay).startswith("Non : payer")
    assert "délai" in texts(deadline)
    assert despair[0]["text"].startswith("📞 Appelle le 147")
    words = texts(despair)
    assert "Et pour le chantage : ne paie pas" in words and "les images peuvent être retirées" in words


def test_despair_in_two_words_after_a_shared_picture(stack):
    shared, despair = talk(stack, "conv-shared-despair", "FR",
                           "ma photo circule sur snap depuis hier", "envie de disparaître")
    assert "Ce n'est pas ta faute" in texts(shared)
    assert despair[0]["text"].startswith("📞 Appelle le 3114")
    assert "Et si ta photo circule déjà" in texts(despair)


def test_a_shared_picture_and_the_questions_that_follow(stack):
    shared, family, removal, trouble, helplines = talk(
        stack, "conv-shared", "QC",
        "ma photo tourne dans le groupe de la classe", "mes parents l'ont reçue aussi",
        "comment je la fais retirer ?", "est-ce que je peux être renvoyé de l'école pour ça ?", "qui appeler ?")
    assert "Tel-jeunes" in texts(shared)
    assert "je suis victime" in texts(family)
    assert "Take It Down" in texts(removal)
    assert "le responsable, c'est celui qui" in texts(trouble)
    assert "AidezMoiSVP" in texts(helplines)


def test_a_meeting_that_turns_into_a_danger_now(stack):
    meeting, danger, helplines = talk(
        stack, "conv-meeting", "LU",
        "un gars de fortnite veut me voir samedi", "il est devant chez moi là", "qui appeler ?")
    assert "préviens un adulte avant" in texts(meeting)
    assert danger[0]["text"].startswith("🚨 Appelle le 112")
    assert bullets(helplines)[0].startswith(("• Police", "• Urgences")), "a danger now: its numbers first"
