"""Rasa's SpacyNLP, with the spaCy model loaded once per process and without its named entities.

Rasa 3.6 builds two SpacyNLP nodes (one provides the model to the others, one runs it on the
messages) and each loads the French model: 160 MB or more per Rasa process for the same model.
Nothing in Vigie reads spaCy's named entities or dependency parse (the rules and features use
tokens, lemmas and morphology; sentences are cut by punctuation): the entity recogniser took two
thirds of spaCy's time per message, and without the parser the lemmas, tags and morphology of
2,400 development and blind messages are the same, 20 % sooner."""
import functools
from pathlib import Path

import yaml

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP

from vigie import PROJECT_ROOT

UNUSED_PIPES = ("ner", "parser")
CONFIG = PROJECT_ROOT / "config.yml"


def configured_model(config: Path = CONFIG) -> str:
    """The spaCy model the pipeline loads (config.yml), for the tests and tools that read texts
    as the pipeline does."""
    with open(config, encoding="utf-8") as source:
        return next(step["model"] for step in yaml.safe_load(source)["pipeline"]
                    if step["name"].endswith("SpacyNLP"))


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.MODEL_LOADER, DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER],
    is_trainable=False,
    model_from="SharedSpacyNLP",
)
class SharedSpacyNLP(SpacyNLP):
    @staticmethod
    @functools.lru_cache(maxsize=None)
    def load_model(spacy_model_name: str) -> SpacyModel:
        loaded = SpacyNLP.load_model(spacy_model_name)
        for pipe in UNUSED_PIPES:
            if pipe in loaded.model.pipe_names:
                loaded.model.disable_pipe(pipe)
        return loaded
