"""Shared test setup: no test may touch the network."""

import os

os.environ["HF_DATASETS_OFFLINE"] = "1"
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

# Property tests draw the same examples on every run, so a CI failure can be reproduced and a
# green run is not a lucky draw. `HYPOTHESIS_PROFILE=explore python -m pytest -m reliability`
# draws fresh examples on each run (failures remembered in .hypothesis/) to find the next bug
# to pin with @example.
from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
