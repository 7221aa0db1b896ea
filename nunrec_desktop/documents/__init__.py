"""Documents: the PDF layout of service results (feedback, Dialog pack, subject access)."""
