"""nunrec desktop: the coaching workstation of the KCC of the municipality of Nunspeet."""

__version__ = "0.1.0"
