"""What talks to the outside world: the database, the recording stores, audio, the keyring, files.

Adapters import only `domain`, `clock` and `settings`, never a use case in `services/` (checked by
import-linter, see pyproject.toml).
"""
