"""The stages, by name.  One module a stage; each stage class declares
``needs`` and ``provides`` (see :mod:`isnad.pipeline`).

To add a stage: write ``stages/<name>.py`` with a :class:`isnad.pipeline.Stage`
subclass, add it to :data:`REGISTRY`, and to :data:`DEFAULT` if the default
pipeline should run it.  Capabilities in use:

text (given) · norm · lang · sentences · tokens · kind · entities · actors ·
places · entity_places · times · sources · attributions · claims · checkworthiness · events ·
narratives
"""

REGISTRY: dict[str, str] = {
    "normalize": "isnad.stages.normalize:NormalizeStage",
    "language": "isnad.stages.language:LanguageStage",
    "segment": "isnad.stages.segment:SegmentStage",
    "tokenize": "isnad.stages.tokenize:TokenizeStage",
    "doc_kind": "isnad.stages.doc_kind:DocKindStage",
    "ner": "isnad.stages.ner:NerStage",
    "times": "isnad.stages.times:TimesStage",
    "events": "isnad.stages.events:EventsStage",
    "actors": "isnad.stages.actors:ActorsStage",
    "places": "isnad.stages.places:PlacesStage",
    "entity_places": "isnad.stages.entity_places:EntityPlacesStage",
    "attribution": "isnad.stages.attribution:AttributionStage",
    "claims": "isnad.stages.claims:ClaimsStage",
    "checkworthiness": "isnad.stages.checkworthiness:CheckworthinessStage",
}

DEFAULT: list[str] = [
    "normalize",
    "language",
    "segment",
    "tokenize",
    "doc_kind",
    "ner",
    "actors",      # "ner" goes right before "actors" once it exists
    "places",
    "entity_places",   # NER LOC fragments and proclitics aligned with the resolved places
    "times",
    "attribution", "claims",
    "checkworthiness",
    "events",      # last: takes entities, places, times, claims from the stages before it
]
