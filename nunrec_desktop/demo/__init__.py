"""The demo workspace generator: made-up people, calls with synthetic speech, evaluations."""
