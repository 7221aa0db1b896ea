"""Everything nunrec desktop does, without Qt: services return plain data and raise domain errors."""
