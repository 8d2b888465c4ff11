"""The name tagger's model, loaded when this module is imported.

The fork server of a bulk ingest imports this module (archive.intake.workers.PRELOAD), as it does
search.dictionaries for the segmenters, so the model's dictionaries (about 20 MB of Python objects:
its vocabulary and the automaton of its segmentation dictionary) are built once and every worker
shares their pages; the weights are mapped from MODEL_DIR, shared anyway. Where the model is
missing nothing is loaded here: the worker's first report raises lac.ModelMissing with the advice.
"""

from . import lac

MODEL = lac.load() if lac.present() else None
