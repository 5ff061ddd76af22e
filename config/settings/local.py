"""One machine: the embedded default that `harbour serve` runs (SQLite in the data folder).

Safe by default: DEBUG stays off unless HARBOUR_DEBUG is set, and a secret key is made once
and kept in the data folder when SECRET_KEY is not given.
"""

from config.env import env_bool, generated_encryption_key, generated_secret_key
from config.settings.base import *  # noqa: F403
from config.settings.base import DATA_DIR, HARBOUR_ENCRYPTION_KEYS, SECRET_KEY

DEBUG = env_bool("HARBOUR_DEBUG", False)
SECRET_KEY = SECRET_KEY or generated_secret_key(DATA_DIR)
HARBOUR_ENCRYPTION_KEYS = HARBOUR_ENCRYPTION_KEYS or [generated_encryption_key(DATA_DIR)]
