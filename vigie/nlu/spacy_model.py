"""Rasa's SpacyNLP, with the spaCy model loaded once per process.

Rasa 3.6 builds two SpacyNLP nodes (one provides the model to the others, one runs it on the
messages) and each loads fr_core_news_sm: 160 MB more per Rasa process for the same model."""
import functools

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.MODEL_LOADER, DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER],
    is_trainable=False,
    model_from="SharedSpacyNLP",
)
class SharedSpacyNLP(SpacyNLP):
    @staticmethod
    @functools.lru_cache(maxsize=None)
    def load_model(spacy_model_name: str) -> SpacyModel:
        return SpacyNLP.load_model(spacy_model_name)
